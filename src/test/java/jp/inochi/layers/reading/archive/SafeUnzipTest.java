package jp.inochi.layers.reading.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.layers.reading.UnreadableFileException;
import jp.inochi.testsupport.ZipBombs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeUnzipTest {
    static final SafeUnzip.Limits GENEROUS = new SafeUnzip.Limits(1L << 30, 100, 500);

    @TempDir
    Path temp;

    static Path zip(Path file, Charset names, Object... entries) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file), names)) {
            for (int i = 0; i < entries.length; i += 2) {
                out.putNextEntry(new ZipEntry((String) entries[i]));
                Object content = entries[i + 1];
                if (content instanceof byte[] bytes) {
                    out.write(bytes);
                } else if (content instanceof Long zeros) {
                    byte[] block = new byte[1 << 20];
                    for (long written = 0; written < zeros; written += block.length) {
                        out.write(block);
                    }
                }
                out.closeEntry();
            }
        }
        return file;
    }

    @Test
    void filesInFoldersAreUnpackedUnderTheirPathInTheArchive() throws IOException {
        Path archive = zip(temp.resolve("ok.zip"), StandardCharsets.UTF_8, "A31/data.geojson", "{}".getBytes(), "readme.txt",
                "x".getBytes());
        List<InputFile> files = new SafeUnzip(GENEROUS).unpack(new InputFile(archive, "ok.zip"), Files.createDirectory(temp.resolve("out")));
        assertEquals(List.of("A31/data.geojson", "readme.txt"), files.stream().map(InputFile::name).toList());
        assertTrue(Files.isRegularFile(files.get(0).path()));
    }

    @Test
    void anEntryClimbingOutOfTheDirectoryIsRefusedAndNothingIsWrittenThere() throws IOException {
        Path archive = zip(temp.resolve("slip.zip"), StandardCharsets.UTF_8, "data.geojson", "{}".getBytes(),
                "../../evil.sh", "echo".getBytes());
        Path out = Files.createDirectory(temp.resolve("out"));
        UnreadableFileException refused = assertThrows(UnreadableFileException.class,
                () -> new SafeUnzip(GENEROUS).unpack(new InputFile(archive, "slip.zip"), out));
        assertTrue(refused.getMessage().contains("../../evil.sh"), refused.getMessage());
        assertTrue(refused.getMessage().contains("zip-slip"), refused.getMessage());
        assertFalse(Files.exists(temp.resolve("evil.sh")));
        assertFalse(Files.exists(temp.getParent().resolve("evil.sh")));
    }

    @Test
    void absolutePathsAreRefusedToo() throws IOException {
        Path archive = zip(temp.resolve("abs.zip"), StandardCharsets.UTF_8, "/etc/cron.d/x", "x".getBytes());
        assertThrows(UnreadableFileException.class,
                () -> new SafeUnzip(GENEROUS).unpack(new InputFile(archive, "abs.zip"), Files.createDirectory(temp.resolve("out"))));
    }

    @Test
    void anEntryThatExpandsLikeABombIsStoppedBeforeItFillsTheDisk() throws IOException {
        Path archive = zip(temp.resolve("bomb.zip"), StandardCharsets.UTF_8, "zeros.dbf", 64L * 1024 * 1024);
        assertTrue(Files.size(archive) < 1024 * 1024, "the test bomb is small on disk");
        Path out = Files.createDirectory(temp.resolve("out"));
        UnreadableFileException refused = assertThrows(UnreadableFileException.class,
                () -> new SafeUnzip(GENEROUS).unpack(new InputFile(archive, "bomb.zip"), out));
        assertTrue(refused.getMessage().contains("zip bomb"), refused.getMessage());
        assertTrue(Files.notExists(out.resolve("zeros.dbf")) || Files.size(out.resolve("zeros.dbf")) < 40L * 1024 * 1024,
                "stopped long before the 64 MB it expands to");
    }

    @Test
    void aShapefileZipWhoseDbfHoldsTwoGigabytesOfZerosIsRefusedFromItsDirectoryBeforeAnythingIsWritten() throws IOException {
        Path archive = ZipBombs.shapefileWithTwoGigabyteDbf();
        assertTrue(Files.size(archive) < 4L * 1024 * 1024, "the bomb is small on disk: " + Files.size(archive));
        Path out = Files.createDirectory(temp.resolve("out"));
        UnreadableFileException refused = assertThrows(UnreadableFileException.class,
                () -> new SafeUnzip(new SafeUnzip.Limits(2048L * 1024 * 1024, 2000, 100))
                        .unpack(new InputFile(archive, "浸水想定区域.zip"), out));
        assertTrue(refused.getMessage().contains("浸水想定区域.zip の「A31/flood.dbf」は 2048 MB が"), refused.getMessage());
        assertTrue(refused.getMessage().contains("zip bomb（圧縮爆弾）の疑いがあるため、何も展開せずに中止しました"), refused.getMessage());
        try (var written = Files.walk(out)) {
            assertEquals(List.of(out), written.toList(), "nothing was written, not even the small .shp and .prj before it");
        }
    }

    @Test
    void aZipWhoseDeclaredTotalPassesTheLimitIsRefusedBeforeAnythingIsWritten() throws IOException {
        byte[] random = new byte[300_000];
        new java.util.Random(2).nextBytes(random);
        Path archive = zip(temp.resolve("declared.zip"), StandardCharsets.UTF_8, "a.bin", random, "b.bin", random);
        Path out = Files.createDirectory(temp.resolve("out"));
        UnreadableFileException refused = assertThrows(UnreadableFileException.class,
                () -> new SafeUnzip(new SafeUnzip.Limits(500_000, 100, 500)).unpack(new InputFile(archive, "declared.zip"), out));
        assertTrue(refused.getMessage().contains("何も展開せずに中止しました"), refused.getMessage());
        try (var written = Files.walk(out)) {
            assertEquals(List.of(out), written.toList());
        }
    }

    @Test
    void anEntryThatUnpacksToMoreThanItsDirectoryDeclaresIsStoppedAtTheDeclaredSize() throws IOException {
        Path archive = zip(temp.resolve("liar.zip"), StandardCharsets.UTF_8, "zeros.dbf", 8L * 1024 * 1024);
        declareSizeInCentralDirectory(archive, 1000);
        Path out = Files.createDirectory(temp.resolve("out"));
        UnreadableFileException refused = assertThrows(UnreadableFileException.class,
                () -> new SafeUnzip(GENEROUS).unpack(new InputFile(archive, "liar.zip"), out));
        assertTrue(refused.getMessage().contains("「zeros.dbf」は書かれている大きさ（1000 バイト）より大きく展開されます"),
                refused.getMessage());
        assertTrue(Files.size(out.resolve("zeros.dbf")) <= 1000, "nothing past the declared size was written");
    }

    /** Rewrites the uncompressed size of the (only) central directory entry, as a hand-made bomb would. */
    private static void declareSizeInCentralDirectory(Path archive, int size) throws IOException {
        byte[] bytes = Files.readAllBytes(archive);
        for (int i = bytes.length - 4; i >= 0; i--) {
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02) {
                java.nio.ByteBuffer.wrap(bytes, i + 24, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(size);
                Files.write(archive, bytes);
                return;
            }
        }
        throw new IllegalStateException("no central directory entry");
    }

    @Test
    void theTotalUnpackedSizeIsLimitedWhateverTheRatio() throws IOException {
        byte[] random = new byte[300_000];
        new java.util.Random(1).nextBytes(random);
        Path archive = zip(temp.resolve("big.zip"), StandardCharsets.UTF_8, "a.bin", random, "b.bin", random);
        UnreadableFileException refused = assertThrows(UnreadableFileException.class,
                () -> new SafeUnzip(new SafeUnzip.Limits(500_000, 100, 500)).unpack(new InputFile(archive, "big.zip"),
                        Files.createDirectory(temp.resolve("out"))));
        assertTrue(refused.getMessage().contains("上限"), refused.getMessage());
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        Path archive = zip(temp.resolve("many.zip"), StandardCharsets.UTF_8, "1", new byte[1], "2", new byte[1], "3", new byte[1]);
        assertThrows(UnreadableFileException.class, () -> new SafeUnzip(new SafeUnzip.Limits(1 << 20, 2, 500))
                .unpack(new InputFile(archive, "many.zip"), Files.createDirectory(temp.resolve("out"))));
    }

    @Test
    void japaneseEntryNamesWrittenByWindowsAreReadAsCp932() throws IOException {
        Path archive = zip(temp.resolve("sjis.zip"), Charset.forName("windows-31j"), "洪水浸水想定区域.geojson", "{}".getBytes());
        List<InputFile> files = new SafeUnzip(GENEROUS).unpack(new InputFile(archive, "sjis.zip"),
                Files.createDirectory(temp.resolve("out")));
        assertEquals("洪水浸水想定区域.geojson", files.get(0).name());
    }

    @Test
    void somethingThatIsNotAZipSaysSo() throws IOException {
        Path notZip = Files.writeString(temp.resolve("x.zip"), "hello");
        UnreadableFileException refused = assertThrows(UnreadableFileException.class,
                () -> new SafeUnzip(GENEROUS).unpack(new InputFile(notZip, "x.zip"), Files.createDirectory(temp.resolve("out"))));
        assertTrue(refused.getMessage().contains("ZIP として読めません"), refused.getMessage());
    }
}
