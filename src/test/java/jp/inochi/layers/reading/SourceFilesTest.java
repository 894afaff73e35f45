package jp.inochi.layers.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.inochi.layers.reading.archive.SafeUnzip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFilesTest {
    @TempDir
    Path temp;

    @Test
    void aFileOfZeroBytesSaysItIsEmptyBeforeAnyReaderComplainsAboutItsSyntax() throws IOException {
        Path empty = Files.createFile(temp.resolve("浸水.geojson"));
        SourceFiles.Options options = new SourceFiles.Options(null, null, null, new SafeUnzip.Limits(1 << 20, 10, 100));
        UnreadableFileException refused = assertThrows(UnreadableFileException.class,
                () -> SourceFiles.open(List.of(new InputFile(empty, "浸水.geojson")), options, temp));
        assertEquals("浸水.geojson は空のファイルです（0 バイト）。地物を含むファイルを送ってください", refused.getMessage());
    }
}
