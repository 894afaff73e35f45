package jp.inochi.layers.reading.archive;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.layers.reading.UnreadableFileException;

/**
 * Judges a ZIP by its central directory alone, before one byte is unpacked: the number of entries, their paths
 * (zip-slip), the sizes they declare in total and each entry's declared compression ratio (a zip bomb declares
 * gigabytes of zeros in a few megabytes). {@link SafeUnzip} then holds every entry to what it declared.
 */
final class CentralDirectory {
    /** Declared ratios are judged for entries that declare more than this; small files compress freely. */
    static final long DECLARED_RATIO_FLOOR_BYTES = 4L * 1024 * 1024;

    private CentralDirectory() {
    }

    /** The entries to unpack (folders and desktop metadata left out), or a refusal naming the first that can't be. */
    static List<ZipEntry> check(ZipFile zip, InputFile archive, Path root, SafeUnzip.Limits limits) {
        List<ZipEntry> toUnpack = new ArrayList<>();
        long declaredTotal = 0;
        int entries = 0;
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry entry = all.nextElement();
            String name = entry.getName();
            if (++entries > limits.maxEntries()) {
                throw new UnreadableFileException(archive.name() + " のファイル数が上限（" + limits.maxEntries()
                        + "）を超えています。必要なファイルだけを ZIP にしてください");
            }
            Path target = root.resolve(name).normalize();
            if (SafeUnzip.unsafe(name) || !target.startsWith(root) || target.equals(root)) {
                throw new UnreadableFileException(archive.name() + " に安全でないパス「" + name + "」が含まれています。"
                        + "「../」や絶対パスを含む ZIP は展開しません（zip-slip 対策）");
            }
            if (entry.isDirectory() || SafeUnzip.ignored(name)) {
                continue;
            }
            long size = Math.max(0, entry.getSize());
            long compressed = Math.max(1, entry.getCompressedSize());
            if (size > DECLARED_RATIO_FLOOR_BYTES && size / compressed > limits.maxCompressionRatio()) {
                throw new UnreadableFileException(archive.name() + " の「" + name + "」は " + SafeUnzip.megabytes(size)
                        + " が " + (size / compressed) + " 分の1に圧縮されていると書かれています（上限は "
                        + limits.maxCompressionRatio() + " 分の1）。zip bomb（圧縮爆弾）の疑いがあるため、何も展開せずに中止しました");
            }
            declaredTotal += size;
            if (declaredTotal > limits.maxUnpackedBytes()) {
                throw new UnreadableFileException(archive.name() + " は展開すると " + SafeUnzip.megabytes(declaredTotal)
                        + " 以上になると書かれており、上限（" + SafeUnzip.megabytes(limits.maxUnpackedBytes())
                        + "）を超えます。zip bomb（圧縮爆弾）の疑いがあるため、何も展開せずに中止しました");
            }
            toUnpack.add(entry);
        }
        return toUnpack;
    }
}
