package jp.inochi.layers.reading.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.layers.reading.UnreadableFileException;

/**
 * Unpacks an uploaded ZIP without trusting it: entries with {@code ../} or absolute paths (zip-slip) are refused,
 * and unpacking stops as soon as the bytes actually written pass the size limit, or an entry expands more than a
 * real data file would (a zip bomb). Entry names without the UTF-8 flag are read as CP932, as Japanese Windows
 * writes them.
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
        int entries = 0;
        Path root = directory.toAbsolutePath().normalize();
        try (ZipFile zip = new ZipFile(archive.path().toFile(), Charset.forName("windows-31j"))) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                String name = entry.getName();
                if (++entries > limits.maxEntries()) {
                    throw new UnreadableFileException(archive.name() + " のファイル数が上限（" + limits.maxEntries()
                            + "）を超えています。必要なファイルだけを ZIP にしてください");
                }
                Path target = root.resolve(name).normalize();
                if (unsafe(name) || !target.startsWith(root) || target.equals(root)) {
                    throw new UnreadableFileException(archive.name() + " に安全でないパス「" + name + "」が含まれています。"
                            + "「../」や絶対パスを含む ZIP は展開しません（zip-slip 対策）");
                }
                if (entry.isDirectory() || ignored(name)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                long compressed = Math.max(1, entry.getCompressedSize());
                long written = 0;
                try (InputStream in = zip.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
                    byte[] buffer = new byte[64 * 1024];
                    int read;
                    while ((read = in.read(buffer)) > 0) {
                        written += read;
                        total += read;
                        if (total > limits.maxUnpackedBytes()) {
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
                files.add(new InputFile(target, name));
            }
        } catch (ZipException e) {
            throw new UnreadableFileException(archive.name() + " は ZIP として読めません: " + e.getMessage(), e);
        }
        return files;
    }

    private static boolean unsafe(String name) {
        String slashed = name.replace('\\', '/');
        return slashed.startsWith("/") || slashed.matches("^[A-Za-z]:.*") || slashed.equals("..")
                || slashed.startsWith("../") || slashed.contains("/../") || slashed.endsWith("/..")
                || slashed.indexOf('\0') >= 0;
    }

    /** macOS resource forks and Finder metadata are not data. */
    private static boolean ignored(String name) {
        String slashed = name.replace('\\', '/');
        String file = slashed.substring(slashed.lastIndexOf('/') + 1);
        return slashed.startsWith("__MACOSX/") || file.startsWith("._") || file.toLowerCase(Locale.ROOT).equals(".ds_store")
                || file.equalsIgnoreCase("Thumbs.db");
    }

    private static String megabytes(long bytes) {
        return (bytes / (1024 * 1024)) + " MB";
    }
}
