package jp.inochi.inspections;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A phone photo's metadata says where the family lives: it goes, the picture and its orientation stay. */
class PhotoMetadataTest {
    static final String WHERE = "HOME 32.2104N 130.7612E";

    /** A JPEG as a phone writes it: EXIF with orientation 6 (taken upright), GPS and a description, and a comment. */
    static byte[] phoneJpeg() throws IOException {
        byte[] plain = picture("jpg");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.writeBytes(segment(0xE1, exif()));
        out.writeBytes(segment(0xFE, ("taken at " + WHERE).getBytes(StandardCharsets.US_ASCII)));
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A PNG with a text chunk naming the place. */
    static byte[] pngWithText() throws IOException {
        byte[] plain = picture("png");
        int iend = plain.length - 12;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, iend);
        byte[] data = ("Location\0" + WHERE).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put("tEXt".getBytes(StandardCharsets.ISO_8859_1)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        out.writeBytes(chunk.array());
        out.write(plain, iend, 12);
        return out.toByteArray();
    }

    @Test
    void aPhoneJpegLosesItsGpsDescriptionAndCommentButKeepsItsOrientationAndPixels() throws IOException {
        byte[] original = phoneJpeg();
        assertTrue(contains(original, WHERE.getBytes(StandardCharsets.US_ASCII)), "the test photo carries the place");

        byte[] stripped = PhotoMetadata.strip(original, "image/jpeg");

        assertFalse(contains(stripped, WHERE.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(List.of("E1:" + (2 + exif().length), "FE:" + (2 + 9 + WHERE.length())),
                segmentsBeforeScan(original).stream().filter(PhotoMetadataTest::isMetadata).toList());
        assertEquals(List.of("E1:34"), segmentsBeforeScan(stripped).stream().filter(PhotoMetadataTest::isMetadata).toList(),
                "one APP1 of 34 bytes, the orientation alone, and no comment");
        assertTrue(contains(stripped, new byte[]{0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6}), "orientation 6 kept");
        assertPixelsEqual(original, stripped);
    }

    @Test
    void aJpegWithoutMetadataIsLeftByteForByte() throws IOException {
        byte[] plain = picture("jpg");
        assertArrayEquals(plain, PhotoMetadata.strip(plain, "image/jpeg"));
    }

    @Test
    void aPngLosesItsTextChunksAndKeepsItsPixels() throws IOException {
        byte[] original = pngWithText();
        assertTrue(contains(original, WHERE.getBytes(StandardCharsets.ISO_8859_1)));
        byte[] stripped = PhotoMetadata.strip(original, "image/png");
        assertFalse(contains(stripped, WHERE.getBytes(StandardCharsets.ISO_8859_1)));
        assertFalse(contains(stripped, "tEXt".getBytes(StandardCharsets.ISO_8859_1)));
        assertArrayEquals(picture("png"), stripped, "exactly the PNG before the text was added");
    }

    @Test
    void aSecondJpegAppendedAfterTheFirstPicturesEndGoesWithItsGps() throws IOException {
        byte[] first = picture("jpg");
        byte[] original = concat(first, phoneJpeg());
        assertTrue(contains(original, WHERE.getBytes(StandardCharsets.US_ASCII)), "the preview carries the place");
        byte[] stripped = PhotoMetadata.strip(original, "image/jpeg");
        assertFalse(contains(stripped, WHERE.getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals(first, stripped, "only the first picture, up to its end-of-image marker");
    }

    @Test
    void htmlAfterTheEndOfAJpegOrAPngIsDropped() throws IOException {
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII);
        byte[] jpeg = picture("jpg");
        assertArrayEquals(jpeg, PhotoMetadata.strip(concat(jpeg, html), "image/jpeg"));
        byte[] png = picture("png");
        assertArrayEquals(png, PhotoMetadata.strip(concat(png, html), "image/png"));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }

    private static byte[] picture(String format) throws IOException {
        BufferedImage image = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 96; x++) {
                image.setRGB(x, y, (x * 255 / 96) << 16 | (y * 255 / 64) << 8 | 0x40);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** Little-endian TIFF: IFD0 (description, orientation 6, GPS IFD pointer), GPS IFD (N, 32° 12' 37.44"). */
    private static byte[] exif() {
        byte[] description = (WHERE + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer tiff = ByteBuffer.allocate(104 + description.length).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) 3);
        tiff.putShort((short) 0x010E).putShort((short) 2).putInt(description.length).putInt(104);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(50);
        tiff.putInt(0);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(80);
        tiff.putInt(0);
        tiff.putInt(32).putInt(1).putInt(12).putInt(1).putInt(3744).putInt(100);
        tiff.put(description);
        ByteArrayOutputStream app1 = new ByteArrayOutputStream();
        app1.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        app1.writeBytes(tiff.array());
        return app1.toByteArray();
    }

    private static byte[] segment(int marker, byte[] data) {
        ByteBuffer segment = ByteBuffer.allocate(4 + data.length);
        segment.put((byte) 0xFF).put((byte) marker).putShort((short) (data.length + 2)).put(data);
        return segment.array();
    }

    private static void assertPixelsEqual(byte[] expected, byte[] actual) throws IOException {
        BufferedImage a = ImageIO.read(new ByteArrayInputStream(expected));
        BufferedImage b = ImageIO.read(new ByteArrayInputStream(actual));
        assertEquals(a.getWidth(), b.getWidth());
        assertArrayEquals(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()),
                b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth()));
    }

    /** The markers and lengths of a JPEG's segments up to the compressed picture, as "E1:34". */
    static List<String> segmentsBeforeScan(byte[] jpeg) {
        List<String> segments = new ArrayList<>();
        int at = 2;
        while ((jpeg[at + 1] & 0xFF) != 0xDA) {
            int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            segments.add(String.format("%02X:%d", jpeg[at + 1] & 0xFF, length));
            at += 2 + length;
        }
        return segments;
    }

    private static boolean isMetadata(String segment) {
        return segment.startsWith("E1:") || segment.startsWith("ED:") || segment.startsWith("FE:");
    }

    static boolean contains(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
