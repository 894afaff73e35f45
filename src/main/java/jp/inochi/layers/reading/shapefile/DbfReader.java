package jp.inochi.layers.reading.shapefile;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.inochi.layers.reading.UnreadableFileException;

/**
 * dBASE III/IV attribute tables of shapefiles (.dbf), read record by record. Character fields are decoded with
 * the given charset: the .cpg's, or CP932 (Shift_JIS) for KSJ files that come without one (domain.md).
 */
final class DbfReader implements Closeable {

    record Field(String name, char type, int length, int decimals) {
    }

    private final String fileName;
    private final Charset charset;
    private final DataInputStream in;
    private final List<Field> fields = new ArrayList<>();
    private final long recordCount;
    private final int recordLength;
    private long read;

    DbfReader(Path file, String fileName, Charset charset) throws IOException {
        this.fileName = fileName;
        this.charset = charset;
        this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        try {
            byte[] header = new byte[32];
            in.readFully(header);
            recordCount = Integer.toUnsignedLong(littleInt(header, 4));
            int headerLength = littleShort(header, 8);
            recordLength = littleShort(header, 10);
            int consumed = 32;
            while (true) {
                int first = in.readUnsignedByte();
                consumed++;
                if (first == 0x0D) {
                    break;
                }
                byte[] descriptor = new byte[32];
                descriptor[0] = (byte) first;
                in.readFully(descriptor, 1, 31);
                consumed += 31;
                int nameEnd = 0;
                while (nameEnd < 11 && descriptor[nameEnd] != 0) {
                    nameEnd++;
                }
                String name = new String(descriptor, 0, nameEnd, charset).strip();
                fields.add(new Field(name, (char) (descriptor[11] & 0xFF), descriptor[16] & 0xFF, descriptor[17] & 0xFF));
            }
            if (headerLength > consumed) {
                in.skipNBytes(headerLength - consumed);
            }
            int sum = 1;
            for (Field field : fields) {
                sum += field.length();
            }
            if (sum != recordLength) {
                throw new UnreadableFileException(fileName + " のヘッダーが正しくありません（項目の長さの合計 " + sum
                        + " がレコード長 " + recordLength + " と一致しません）");
            }
        } catch (EOFException e) {
            in.close();
            throw new UnreadableFileException(fileName + " のヘッダーが途中で終わっています", e);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    List<String> fieldNames() {
        return fields.stream().map(Field::name).toList();
    }

    long recordCount() {
        return recordCount;
    }

    /** The next record's values by field name, {@code null} for a deleted record, or throws at the end. */
    Map<String, Object> next(long number) throws IOException {
        if (read >= recordCount) {
            throw new UnreadableFileException(fileName + " のレコード数（" + recordCount + "）が .shp の図形の数より少ないです");
        }
        byte[] record = new byte[recordLength];
        try {
            in.readFully(record);
        } catch (EOFException e) {
            throw new UnreadableFileException(fileName + " が " + number + "番目のレコードの途中で終わっています", e);
        }
        read++;
        if (record[0] == '*') {
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        int offset = 1;
        for (Field field : fields) {
            values.put(field.name(), value(field, record, offset, number));
            offset += field.length();
        }
        return values;
    }

    private Object value(Field field, byte[] record, int offset, long number) {
        int end = offset + field.length();
        switch (Character.toUpperCase(field.type())) {
            case 'C': {
                while (end > offset && (record[end - 1] == ' ' || record[end - 1] == 0)) {
                    end--;
                }
                return end == offset ? null : new String(record, offset, end - offset, charset);
            }
            case 'N':
            case 'F': {
                String text = new String(record, offset, field.length(), java.nio.charset.StandardCharsets.US_ASCII).strip();
                if (text.isEmpty() || text.chars().allMatch(ch -> ch == '*')) {
                    return null;
                }
                try {
                    BigDecimal decimal = new BigDecimal(text);
                    if (field.decimals() == 0 && decimal.scale() <= 0) {
                        return decimal.longValueExact();
                    }
                    return decimal;
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new UnreadableFileException(fileName + " の " + number + "番目のレコードの項目「" + field.name()
                            + "」が数値ではありません（" + text + "）");
                }
            }
            case 'L': {
                char flag = (char) record[offset];
                return "TtYy".indexOf(flag) >= 0 ? Boolean.TRUE : "FfNn".indexOf(flag) >= 0 ? Boolean.FALSE : null;
            }
            case 'D': {
                String text = new String(record, offset, field.length(), java.nio.charset.StandardCharsets.US_ASCII).strip();
                return text.length() == 8 && text.chars().allMatch(Character::isDigit)
                        ? text.substring(0, 4) + "-" + text.substring(4, 6) + "-" + text.substring(6, 8)
                        : (text.isEmpty() ? null : text);
            }
            default: {
                String text = new String(record, offset, field.length(), charset).strip();
                return text.isEmpty() ? null : text;
            }
        }
    }

    private static int littleInt(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16 | (bytes[at + 3] & 0xFF) << 24;
    }

    private static int littleShort(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
