package jp.inochi.layers.reading.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.layers.reading.UnreadableFileException;

/**
 * Unpacks an uploaded ZIP without trusting it. First its central directory is judged ({@link CentralDirectory}):
 * too many entries, {@code ../} or absolute paths (zip-slip), declared sizes over the limit or ratios no real data
 * file has (a zip bomb) are refused before anything is written. Then, as the second guard, unpacking stops as soon
 * as an entry writes more than it declared, or the bytes actually written pass the limits. Entry names without the
 * UTF-8 flag are read as CP932, as Japanese Windows writes them.
 */
public final class SafeUnzip {

    /** Limits on what one upload may expand to. */
    public record Limits(long maxUnpackedBytes, int maxEntries, int maxCompressionRatio) {
        /** Ratios are only judged once an entry has written this much; small files compress freely. */
        static final long RATIO_FLOOR_BYTES = 16L * 1024 * 1024;
    }

    private final Limits limits;

    public SafeUnzip(Limits limits) {
        this.limits = limits;
    }

    /** Unpacks the archive into the (empty) directory and returns the files, named by their path inside the archive. */
    public List<InputFile> unpack(InputFile archive, Path directory) throws IOException {
        List<InputFile> files = new ArrayList<>();
        long total = 0;
        Path root = directory.toAbsolutePath().normalize();
        try (ZipFile zip = new ZipFile(archive.path().toFile(), Charset.forName("windows-31j"))) {
            for (ZipEntry entry : CentralDirectory.check(zip, archive, root, limits)) {
                Path target = root.resolve(entry.getName()).normalize();
                Files.createDirectories(target.getParent());
                total += write(zip, entry, target, archive, total);
                files.add(new InputFile(target, entry.getName()));
            }
        } catch (ZipException e) {
            throw new UnreadableFileException(archive.name() + " は ZIP として読めません（壊れているか、ZIP 以外の形式です）", e);
        }
        return files;
    }

    /** Writes one entry, holding it to its declared size and the limits; returns the bytes written. */
    private long write(ZipFile zip, ZipEntry entry, Path target, InputFile archive, long writtenBefore) throws IOException {
        String name = entry.getName();
        long declared = entry.getSize();
        long compressed = Math.max(1, entry.getCompressedSize());
        long written = 0;
        try (InputStream in = zip.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) > 0) {
                written += read;
                if (declared >= 0 && written > declared) {
                    throw new UnreadableFileException(archive.name() + " の「" + name + "」は書かれている大きさ（" + declared
                            + " バイト）より大きく展開されます。壊れているか zip bomb（圧縮爆弾）の疑いがあるため展開を中止しました");
                }
                if (writtenBefore + written > limits.maxUnpackedBytes()) {
                    throw new UnreadableFileException(archive.name() + " は展開すると上限（"
                            + megabytes(limits.maxUnpackedBytes()) + "）を超えます。zip bomb の疑いがあるため展開を中止しました");
                }
                if (written > Limits.RATIO_FLOOR_BYTES && written / compressed > limits.maxCompressionRatio()) {
                    throw new UnreadableFileException(archive.name() + " の「" + name + "」は圧縮率が異常に高く（"
                            + (written / compressed) + "倍以上）、zip bomb の疑いがあるため展開を中止しました");
                }
                out.write(buffer, 0, read);
            }
        }
        return written;
    }

    static boolean unsafe(String name) {
        String slashed = name.replace('\\', '/');
        return slashed.startsWith("/") || slashed.matches("^[A-Za-z]:.*") || slashed.equals("..")
                || slashed.startsWith("../") || slashed.contains("/../") || slashed.endsWith("/..")
                || slashed.indexOf('\0') >= 0;
    }

    /** macOS resource forks and Finder metadata are not data. */
    static boolean ignored(String name) {
        String slashed = name.replace('\\', '/');
        String file = slashed.substring(slashed.lastIndexOf('/') + 1);
        return slashed.startsWith("__MACOSX/") || file.startsWith("._") || file.toLowerCase(Locale.ROOT).equals(".ds_store")
                || file.equalsIgnoreCase("Thumbs.db");
    }

    static String megabytes(long bytes) {
        return (bytes / (1024 * 1024)) + " MB";
    }
}
