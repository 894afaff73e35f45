package jp.inochi.layers.reading.geojson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.inochi.layers.reading.DeclaredCrs;
import jp.inochi.layers.reading.FeatureReader;
import jp.inochi.layers.reading.SourceDescription;
import jp.inochi.layers.reading.SourceFeature;
import jp.inochi.layers.reading.UnreadableFileException;
import jp.inochi.layers.reading.crs.EpsgNames;

/**
 * GeoJSON (RFC 7946, and the 2008 {@code crs} member that KSJ and GDAL still write), streamed with Jackson:
 * pass 1 checks the whole file's syntax, counts the features and reads {@code crs}; pass 2 reads one feature at a
 * time. Without a {@code crs} member the coordinates are longitude/latitude WGS 84, as RFC 7946 says.
 */
public final class GeoJsonFeatureReader implements FeatureReader {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private final Path file;
    private final String name;
    private final GeoJsonGeometries geometries = new GeoJsonGeometries();
    private InputStream input;
    private JsonParser parser;
    private long index;
    private final long firstIndex;

    public GeoJsonFeatureReader(Path file, String name, long firstIndex) {
        this.file = file;
        this.name = name;
        this.firstIndex = firstIndex;
    }

    @Override
    public SourceDescription describe() throws IOException {
        DeclaredCrs crs = DeclaredCrs.none();
        Set<String> fields = new LinkedHashSet<>();
        long count = 0;
        String type = null;
        try (InputStream in = Files.newInputStream(file); JsonParser p = FACTORY.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new UnreadableFileException(name + " は空です（JSON の中身がありません）。地物を含む GeoJSON を送ってください");
            }
            if (first != JsonToken.START_OBJECT) {
                throw unreadable(p, "GeoJSON はオブジェクト（{ ... }）で始まる必要があります");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String member = p.currentName();
                JsonToken value = p.nextToken();
                switch (member) {
                    case "type" -> type = p.getValueAsString();
                    case "crs" -> crs = crs(MAPPER.readTree(p));
                    case "features" -> {
                        if (value != JsonToken.START_ARRAY) {
                            throw unreadable(p, "features は配列である必要があります");
                        }
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            count++;
                            collectFields(p, fields);
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw unreadable(p, "GeoJSON の終わり方が正しくありません");
            }
        } catch (JsonProcessingException e) {
            throw syntax(e);
        }
        if (!"FeatureCollection".equals(type)) {
            throw new UnreadableFileException(name + " は GeoJSON の FeatureCollection ではありません（type: " + type + "）");
        }
        List<String> warnings = new ArrayList<>();
        if (crs.isMissing()) {
            crs = DeclaredCrs.epsg(4326, "crs メンバーなし（RFC 7946 の経緯度 WGS 84）");
            warnings.add(name + " に crs メンバーがないため、RFC 7946 に従い経緯度（WGS 84, EPSG:4326）として読みました");
        }
        return new SourceDescription("GeoJSON", name, crs, new ArrayList<>(fields), count, warnings);
    }

    @Override
    public SourceFeature next() throws IOException {
        try {
            if (parser == null) {
                input = Files.newInputStream(file);
                parser = FACTORY.createParser(input);
                parser.nextToken();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String member = parser.currentName();
                    parser.nextToken();
                    if (member.equals("features")) {
                        break;
                    }
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonNode feature = MAPPER.readTree(parser);
            index++;
            return feature(feature);
        } catch (JsonProcessingException e) {
            throw syntax(e);
        }
    }

    private SourceFeature feature(JsonNode feature) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        JsonNode properties = feature.get("properties");
        if (properties != null && properties.isObject()) {
            properties.fields().forEachRemaining(entry -> attributes.put(entry.getKey(), value(entry.getValue())));
        }
        JsonNode geometry = feature.get("geometry");
        long global = firstIndex + index - 1;
        if (geometry == null || geometry.isNull()) {
            return new SourceFeature(global, name, index, null, attributes, "ジオメトリがありません（null）");
        }
        GeoJsonGeometries.Result result = geometries.read(geometry);
        return new SourceFeature(global, name, index, result.geometry(), attributes, result.note());
    }

    private static Object value(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        return node.toString();
    }

    private static void collectFields(JsonParser p, Set<String> fields) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String member = p.currentName();
            JsonToken value = p.nextToken();
            if (member.equals("properties") && value == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    fields.add(p.currentName());
                    p.nextToken();
                    p.skipChildren();
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private DeclaredCrs crs(JsonNode crs) {
        if (crs == null || crs.isNull()) {
            return DeclaredCrs.none();
        }
        JsonNode properties = crs.path("properties");
        String declared = properties.hasNonNull("name") ? properties.get("name").asText()
                : properties.hasNonNull("code") ? "EPSG:" + properties.get("code").asText() : crs.toString();
        return EpsgNames.parse(declared).map(code -> DeclaredCrs.epsg(code, declared))
                .orElseGet(() -> DeclaredCrs.unrecognised(declared));
    }

    private UnreadableFileException unreadable(JsonParser p, String message) {
        JsonLocation at = p.currentLocation();
        return new UnreadableFileException(name + ": " + message + "（" + at.getLineNr() + "行 " + at.getColumnNr() + "列付近）");
    }

    private UnreadableFileException syntax(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : "（" + at.getLineNr() + "行 " + at.getColumnNr() + "列付近";
        String feature = index > 0 ? "、" + (index + 1) + "番目の地物の読み込み中）" : (where.isEmpty() ? "" : "）");
        return new UnreadableFileException(name + " は JSON として正しくありません" + where + feature + "。"
                + JsonSyntax.japanese(e), e);
    }

    @Override
    public void close() throws IOException {
        if (parser != null) {
            parser.close();
        }
        if (input != null) {
            input.close();
        }
    }
}
