package jp.inochi.platform.tables;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Opens a list people uploaded with the reader for what the file is, by its first bytes rather than its name:
 * an .xlsx (a ZIP), a CSV (text), or a clear refusal — a password-protected workbook, the old .xls, anything else.
 */
public final class TableFiles {
    /** Far above a 10,000-row list; a larger file is not a list of ours. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private TableFiles() {
    }

    /** An uploaded list saved to a temporary file (the caller deletes it); refused past {@link #MAX_BYTES}. */
    public static Path save(InputStream content) throws IOException {
        Path file = Files.createTempFile("inochi-table-", ".upload");
        try (InputStream in = content; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                total += read;
                if (total > MAX_BYTES) {
                    throw tooLarge();
                }
                out.write(buffer, 0, read);
            }
            return file;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    public static TableReader open(Path file) throws IOException {
        if (Files.size(file) == 0) {
            throw new UnreadableTableException("ファイルが空です");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(512);
        }
        if (startsWith(head, ZIP)) {
            return new XlsxTableReader(file);
        }
        if (startsWith(head, OLE2)) {
            throw new UnreadableTableException(encrypted(file)
                    ? "パスワードで保護されたブックは読み込めません。Excel でパスワードを解除して保存し直してから、もう一度選んでください"
                    : "Excel 97-2003 形式（.xls）は読み込めません。Excel で「Excel ブック（.xlsx）」として保存し直してください");
        }
        if (!text(head)) {
            throw new UnreadableTableException("表計算のファイルではありません。Excel ブック（.xlsx）か CSV を選んでください");
        }
        return new CsvTableReader(file);
    }

    private static UnreadableTableException tooLarge() {
        return new UnreadableTableException("ファイルが大きすぎます（上限 " + MAX_BYTES / 1024 / 1024 + "MB）");
    }

    /** An encrypted .xlsx is an OLE2 container holding the encrypted package. */
    private static boolean encrypted(Path file) {
        try (POIFSFileSystem container = new POIFSFileSystem(file.toFile(), true)) {
            return container.getRoot().hasEntry("EncryptedPackage");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Text has no NUL bytes and few control characters (a PDF, an image or a Word file has many). */
    private static boolean text(byte[] head) {
        int control = 0;
        for (byte b : head) {
            int c = b & 0xFF;
            if (c == 0) {
                return false;
            }
            if (c < 0x09 || (c > 0x0D && c < 0x20 && c != 0x1B)) {
                control++;
            }
        }
        return head.length > 0 && head[0] != '%' && control * 20 < head.length + 1;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
