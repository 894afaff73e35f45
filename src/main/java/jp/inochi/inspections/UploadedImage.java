package jp.inochi.inspections;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import jp.inochi.platform.problem.InochiException;
import jp.inochi.platform.problem.ProblemType;

/**
 * Accepts only real JPEG and PNG images: the type is read from the file's own bytes (never from its name or the
 * declared type), the size in pixels is checked before decoding, and the whole image must decode without warnings,
 * so a truncated or disguised file is refused.
 */
final class UploadedImage {
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    record Checked(String contentType, String extension, int width, int height) {
    }

    private UploadedImage() {
    }

    static Checked check(Path file, long maxPixels) {
        String format = sniff(file);
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if ((long) width * height > maxPixels) {
                throw new InochiException(ProblemType.UNPROCESSABLE_FILE, "画像の画素数が大きすぎます（" + width + "×" + height
                        + "）。" + (maxPixels / 1_000_000) + "百万画素以下にしてください");
            }
            AtomicReference<String> warning = new AtomicReference<>();
            reader.addIIOReadWarningListener((source, message) -> warning.compareAndSet(null, message));
            reader.read(0);
            if (warning.get() != null) {
                throw unreadable();
            }
            return "png".equals(format) ? new Checked("image/png", ".png", width, height)
                    : new Checked("image/jpeg", ".jpg", width, height);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InochiException inochi) {
                throw inochi;
            }
            throw unreadable();
        } finally {
            reader.dispose();
        }
    }

    private static String sniff(Path file) {
        byte[] head = new byte[8];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw unreadable();
        }
        if (startsWith(head, read, PNG)) {
            return "png";
        }
        if (startsWith(head, read, JPEG)) {
            return "jpeg";
        }
        throw new InochiException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "写真はJPEGまたはPNGの画像ファイルだけを受け付けます（HEICなどはJPEGに変換してください）");
    }

    private static boolean startsWith(byte[] head, int read, byte[] magic) {
        if (read < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    static InochiException unreadable() {
        return new InochiException(ProblemType.UNPROCESSABLE_FILE,
                "画像として読み込めませんでした。ファイルが壊れているか、途中で切れている可能性があります");
    }
}
