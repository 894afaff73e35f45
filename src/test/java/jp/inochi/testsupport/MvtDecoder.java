package jp.inochi.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of the Mapbox Vector Tile 2.1 protobuf to check a tile's layers, feature ids and attributes in tests
 * (geometry commands are skipped). Written from the specification; no dependency needed.
 */
public final class MvtDecoder {

    public record Feature(long id, Map<String, Object> attributes) {
    }

    public record Layer(String name, List<Feature> features) {
    }

    private final byte[] bytes;
    private int at;
    private final int end;

    private MvtDecoder(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.at = from;
        this.end = to;
    }

    public static List<Layer> decode(byte[] tile) {
        List<Layer> layers = new ArrayList<>();
        MvtDecoder reader = new MvtDecoder(tile, 0, tile.length);
        while (reader.at < reader.end) {
            long key = reader.varint();
            if ((key >>> 3) == 3 && (key & 7) == 2) {
                layers.add(reader.sub().layer());
            } else {
                reader.skip((int) (key & 7));
            }
        }
        return layers;
    }

    private Layer layer() {
        String name = null;
        List<String> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        List<long[]> rawFeatures = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        while (at < end) {
            long key = varint();
            int field = (int) (key >>> 3);
            if (field == 1) {
                name = string();
            } else if (field == 2) {
                MvtDecoder feature = sub();
                long id = 0;
                List<Long> tags = new ArrayList<>();
                while (feature.at < feature.end) {
                    long featureKey = feature.varint();
                    int featureField = (int) (featureKey >>> 3);
                    if (featureField == 1) {
                        id = feature.varint();
                    } else if (featureField == 2) {
                        MvtDecoder packed = feature.sub();
                        while (packed.at < packed.end) {
                            tags.add(packed.varint());
                        }
                    } else {
                        feature.skip((int) (featureKey & 7));
                    }
                }
                ids.add(id);
                rawFeatures.add(tags.stream().mapToLong(Long::longValue).toArray());
            } else if (field == 3) {
                keys.add(string());
            } else if (field == 4) {
                values.add(sub().value());
            } else {
                skip((int) (key & 7));
            }
        }
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < rawFeatures.size(); i++) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            long[] tags = rawFeatures.get(i);
            for (int t = 0; t + 1 < tags.length; t += 2) {
                attributes.put(keys.get((int) tags[t]), values.get((int) tags[t + 1]));
            }
            features.add(new Feature(ids.get(i), attributes));
        }
        return new Layer(name, features);
    }

    private Object value() {
        Object value = null;
        while (at < end) {
            long key = varint();
            switch ((int) (key >>> 3)) {
                case 1 -> value = string();
                case 2 -> {
                    value = Float.intBitsToFloat((int) fixed(4));
                }
                case 3 -> value = Double.longBitsToDouble(fixed(8));
                case 4, 5 -> value = varint();
                case 6 -> {
                    long zigzag = varint();
                    value = (zigzag >>> 1) ^ -(zigzag & 1);
                }
                case 7 -> value = varint() != 0;
                default -> skip((int) (key & 7));
            }
        }
        return value;
    }

    private long varint() {
        long result = 0;
        int shift = 0;
        while (true) {
            byte b = bytes[at++];
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
            shift += 7;
        }
    }

    private long fixed(int size) {
        long result = 0;
        for (int i = 0; i < size; i++) {
            result |= (long) (bytes[at++] & 0xFF) << (8 * i);
        }
        return result;
    }

    private MvtDecoder sub() {
        int length = (int) varint();
        MvtDecoder sub = new MvtDecoder(bytes, at, at + length);
        at += length;
        return sub;
    }

    private String string() {
        int length = (int) varint();
        String text = new String(bytes, at, length, StandardCharsets.UTF_8);
        at += length;
        return text;
    }

    private void skip(int wireType) {
        switch (wireType) {
            case 0 -> varint();
            case 1 -> at += 8;
            case 2 -> {
                int length = (int) varint(); // read first: "at += varint()" would add to the old position
                at += length;
            }
            case 5 -> at += 4;
            default -> throw new IllegalStateException("wire type " + wireType);
        }
    }
}
