package jp.inochi.disasters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.platform.problem.InvalidInputException;

/** An area drawn on the map (GeoJSON), written out as a file so it is read like an uploaded one. */
final class DrawnAreas {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DrawnAreas() {
    }

    /** The drawn area as a GeoJSON file in the work directory. */
    static InputFile write(String geoJson, Path work) throws IOException {
        Path file = work.resolve("drawn.geojson");
        Files.writeString(file, featureCollection(geoJson), StandardCharsets.UTF_8);
        return new InputFile(file, "描画した範囲.geojson");
    }

    /**
     * A drawn area as a FeatureCollection, whatever GeoJSON object it came as (a geometry, a Feature, a collection);
     * a {@code crs} member is kept. Broken JSON is refused with its line and column.
     */
    static String featureCollection(String geoJson) {
        JsonNode node;
        try {
            node = JSON.readTree(geoJson);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "（" + e.getLocation().getLineNr() + "行目 "
                    + e.getLocation().getColumnNr() + "文字目）";
            throw new InvalidInputException("area.geoJson", "範囲の GeoJSON を読めません" + where
                    + "。JSON の書き方を確認してください");
        }
        if (node == null || !node.isObject() || !node.path("type").isTextual()) {
            throw new InvalidInputException("area.geoJson", "範囲の GeoJSON は type を持つオブジェクトにしてください"
                    + "（FeatureCollection、Feature、Polygon、MultiPolygon）");
        }
        String type = node.get("type").asText();
        if (type.equals("FeatureCollection")) {
            return node.toString();
        }
        ObjectNode collection = JSON.createObjectNode();
        collection.put("type", "FeatureCollection");
        if (node.has("crs")) {
            collection.set("crs", node.get("crs"));
        }
        ArrayNode features = collection.putArray("features");
        if (type.equals("Feature")) {
            features.add(node);
        } else {
            ObjectNode feature = features.addObject();
            feature.put("type", "Feature");
            feature.putObject("properties");
            ObjectNode geometry = node.deepCopy();
            geometry.remove("crs");
            feature.set("geometry", geometry);
        }
        return collection.toString();
    }
}
