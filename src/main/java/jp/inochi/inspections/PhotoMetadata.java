package jp.inochi.inspections;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Removes what a photo says besides its picture: a phone's JPEG carries the place it was taken (EXIF GPS: the
 * family's home, 要配慮個人情報 alongside the child's care), the phone, the time and often a thumbnail; PNGs carry text
 * chunks. The pixels are not decoded again, so nothing is lost; a JPEG keeps only its EXIF orientation, without which
 * an upright photo from a phone would show on its side.
 */
final class PhotoMetadata {
    private static final int APP1 = 0xE1;
    private static final int APP13 = 0xED;
    private static final int COMMENT = 0xFE;
    private static final int START_OF_SCAN = 0xDA;
    private static final int END_OF_IMAGE = 0xD9;
    private static final int ORIENTATION_TAG = 0x0112;
    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    /** PNG chunks that hold text, EXIF or a time, none of which the picture needs. */
    private static final Set<String> PNG_METADATA = Set.of("eXIf", "tEXt", "zTXt", "iTXt", "tIME");

    private PhotoMetadata() {
    }

    /** The same picture without metadata; the input must be a JPEG or PNG already checked by {@link UploadedImage}. */
    static byte[] strip(byte[] image, String contentType) {
        return contentType.equals("image/png") ? stripPng(image) : stripJpeg(image);
    }

    private static byte[] stripJpeg(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        out.write(jpeg, 0, 2); // SOI
        int orientation = 0;
        int at = 2;
        while (at + 4 <= jpeg.length) {
            if ((jpeg[at] & 0xFF) != 0xFF) {
                throw new IllegalArgumentException("Not a JPEG marker at " + at);
            }
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte before a marker
                at++;
                continue;
            }
            if (marker == START_OF_SCAN) {
                if (orientation > 1) {
                    out.writeBytes(orientationSegment(orientation));
                }
                int end = endOfImage(jpeg, at);
                out.write(jpeg, at, end - at); // the compressed picture and EOI, as they were; nothing after them
                return out.toByteArray();
            }
            int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            int end = at + 2 + length;
            if (length < 2 || end > jpeg.length) {
                throw new IllegalArgumentException("Truncated JPEG segment at " + at);
            }
            boolean exif = marker == APP1 && startsWith(jpeg, at + 4, EXIF_HEADER);
            if (exif && orientation == 0) {
                orientation = orientation(jpeg, at + 4 + EXIF_HEADER.length, end);
            }
            if (marker != APP1 && marker != APP13 && marker != COMMENT) {
                out.write(jpeg, at, end - at);
            }
            at = end;
        }
        throw new IllegalArgumentException("JPEG without image data");
    }

    /**
     * Just after the EOI marker that ends the picture whose first scan starts at {@code at}: whatever follows (a
     * phone's appended preview with its own EXIF, or anything else) is not the picture. Walks the scans and the
     * segments between them, so a stuffed 0xFF00 or a restart marker in the compressed data is not taken for the end.
     */
    private static int endOfImage(byte[] jpeg, int at) {
        while (at + 4 <= jpeg.length) {
            int marker = jpeg[at + 1] & 0xFF;
            int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            at += 2 + length;
            if (marker == START_OF_SCAN) {
                at = afterEntropyCodedData(jpeg, at);
            }
            if (at + 2 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF && (jpeg[at + 1] & 0xFF) == END_OF_IMAGE) {
                return at + 2;
            }
        }
        throw new IllegalArgumentException("JPEG without an end-of-image marker");
    }

    /** The next marker after compressed data: 0xFF followed by neither 0x00 (a stuffed byte) nor a restart marker. */
    private static int afterEntropyCodedData(byte[] jpeg, int at) {
        while (at + 1 < jpeg.length) {
            int next = jpeg[at + 1] & 0xFF;
            if ((jpeg[at] & 0xFF) == 0xFF && next != 0x00 && next != 0xFF && (next < 0xD0 || next > 0xD7)) {
                return at;
            }
            at++;
        }
        throw new IllegalArgumentException("JPEG without an end-of-image marker");
    }

    /** The Orientation tag of IFD0 in the TIFF structure at {@code tiff}, or 0 if absent or unreadable. */
    private static int orientation(byte[] data, int tiff, int end) {
        if (tiff + 8 > end) {
            return 0;
        }
        boolean little = data[tiff] == 'I';
        long ifd = unsigned32(data, tiff + 4, little);
        int entries = tiff + (int) ifd;
        if (ifd < 8 || entries + 2 > end) {
            return 0;
        }
        int count = unsigned16(data, entries, little);
        for (int i = 0; i < count; i++) {
            int entry = entries + 2 + i * 12;
            if (entry + 12 > end) {
                return 0;
            }
            if (unsigned16(data, entry, little) == ORIENTATION_TAG) {
                int value = unsigned16(data, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 0;
            }
        }
        return 0;
    }

    /** An APP1 EXIF segment holding only IFD0 with the Orientation tag (big-endian TIFF). */
    private static byte[] orientationSegment(int orientation) {
        byte[] tiff = {
                'M', 'M', 0, 42, 0, 0, 0, 8, // header, IFD0 at 8
                0, 1, // one entry
                0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // Orientation, SHORT, 1 value
                0, 0, 0, 0}; // no next IFD
        int length = 2 + EXIF_HEADER.length + tiff.length;
        ByteArrayOutputStream segment = new ByteArrayOutputStream(length + 2);
        segment.write(0xFF);
        segment.write(APP1);
        segment.write(length >> 8);
        segment.write(length & 0xFF);
        segment.writeBytes(EXIF_HEADER);
        segment.writeBytes(tiff);
        return segment.toByteArray();
    }

    private static byte[] stripPng(byte[] png) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
        out.write(png, 0, 8); // signature
        int at = 8;
        while (at + 12 <= png.length) {
            long length = unsigned32(png, at, false);
            String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
            long end = at + 12 + length;
            if (end > png.length) {
                throw new IllegalArgumentException("Truncated PNG chunk " + type);
            }
            if (!PNG_METADATA.contains(type)) {
                out.write(png, at, (int) (end - at));
            }
            at = (int) end;
            if (type.equals("IEND")) {
                break; // anything after the last chunk is not the picture
            }
        }
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] data, int at, byte[] prefix) {
        return at + prefix.length <= data.length
                && Arrays.equals(data, at, at + prefix.length, prefix, 0, prefix.length);
    }

    private static int unsigned16(byte[] data, int at, boolean little) {
        int a = data[at] & 0xFF;
        int b = data[at + 1] & 0xFF;
        return little ? (b << 8) | a : (a << 8) | b;
    }

    private static long unsigned32(byte[] data, int at, boolean little) {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            int b = data[at + (little ? 3 - i : i)] & 0xFF;
            value = (value << 8) | b;
        }
        return value;
    }
}
