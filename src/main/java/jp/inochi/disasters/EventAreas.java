package jp.inochi.disasters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import jp.inochi.disasters.model.AreaKind;
import jp.inochi.layers.ImportSettings;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.layers.reading.DeclaredCrs;
import jp.inochi.layers.reading.FeatureReader;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.layers.reading.SourceDescription;
import jp.inochi.layers.reading.SourceFeature;
import jp.inochi.layers.reading.SourceFiles;
import jp.inochi.layers.reading.UnreadableFileException;
import jp.inochi.layers.reading.archive.SafeUnzip;
import jp.inochi.layers.reading.crs.PrjIdentifier;
import jp.inochi.municipalities.Municipalities;
import jp.inochi.municipalities.Municipality;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InvalidInputException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/**
 * An event's area, checked and settled before anything is written, and the households it covers:
 * <ul>
 *   <li>municipalities (or 熊本市's wards): the households that live there by their address or by their location;</li>
 *   <li>a polygon drawn on the map or uploaded (GeoJSON, Shapefile, GeoPackage, or a ZIP of them), read by the
 *       hazards feature's readers with the same CRS rules as a hazard import (declared, {@code .prj} identified, or
 *       given), transformed to EPSG:6668 by PostGIS, repaired when invalid, and required to touch Kumamoto;</li>
 *   <li>the zones of a hazard layer at or above a severity ({@code hazard_layer_households}).</li>
 * </ul>
 * Homes without coordinates in a municipality a polygon or the zones touch are included too, marked as such: better
 * one call too many than a ventilator household missed.
 */
@Singleton
public class EventAreas {
    /** A drawn or uploaded area larger than this many vertices is refused (a whole prefecture's coastline...). */
    static final int MAX_VERTICES = 500_000;
    private static final double[] KUMAMOTO_BOUNDS = {129.5, 31.8, 131.6, 33.5};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Municipalities municipalities;
    private final ImportSettings importSettings;

    EventAreas(Municipalities municipalities, ImportSettings importSettings) {
        this.municipalities = municipalities;
        this.importSettings = importSettings;
    }

    /** The area as the person gave it. Exactly the fields of its kind are used. */
    public record AreaRequest(AreaKind kind, @Nullable List<String> codes, @Nullable String geoJson,
                              @Nullable Integer crs, @Nullable Long layerId, @Nullable Integer minSeverity,
                              @Nullable List<InputFile> files, @Nullable String sourceName) {
    }

    /** A polygon read and transformed, ready to store: EWKB in EPSG:6668, with what happened on the way. */
    record Polygon6668(String ewkbHex, String source, String sourceCrs, double areaKm2, List<String> notes) {
    }

    /** The area settled: what will be stored on the event, and how people read it. */
    record Settled(AreaKind kind, @Nullable List<String> codes, @Nullable Long layerId, @Nullable Long layerVersionId,
                   @Nullable Integer minSeverity, @Nullable HazardType layerHazard, @Nullable Polygon6668 polygon,
                   String description) {
    }

    /** Checks the area against the database (codes, layer, polygon) inside the declaring transaction. */
    Settled settle(Connection connection, AreaRequest area) throws SQLException, IOException {
        if (area.kind() == null) {
            throw new InvalidInputException("area.kind", "範囲の指定方法（MUNICIPALITIES、POLYGON、HAZARD_ZONES）を選んでください");
        }
        return switch (area.kind()) {
            case MUNICIPALITIES -> municipalitiesArea(area);
            case HAZARD_ZONES -> hazardArea(connection, area);
            case POLYGON -> polygonArea(connection, area);
        };
    }

    private Settled municipalitiesArea(AreaRequest area) {
        List<String> codes = area.codes() == null ? List.of() : area.codes().stream()
                .filter(code -> code != null && !code.isBlank()).map(String::strip).distinct().toList();
        if (codes.isEmpty()) {
            throw new InvalidInputException("area.codes", "対象の市町村（または熊本市の区）のコードを1つ以上指定してください");
        }
        List<FieldError> errors = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String code : codes) {
            Optional<Municipality> found = municipalities.municipality(code).or(() -> municipalities.ward(code));
            if (found.isEmpty()) {
                errors.add(new FieldError("area.codes", "熊本県の市町村コード（5桁）または熊本市の区コードではありません: " + code));
            } else {
                Municipality place = found.get();
                names.add(place.isWard() && place.parentCode() != null
                        ? municipalities.municipality(place.parentCode()).map(Municipality::name).orElse("") + place.name()
                        : place.name());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Settled(AreaKind.MUNICIPALITIES, codes, null, null, null, null, null, String.join("、", names));
    }

    private Settled hazardArea(Connection connection, AreaRequest area) throws SQLException {
        if (area.layerId() == null) {
            throw new InvalidInputException("area.layerId", "ハザードのレイヤーを指定してください");
        }
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT l.name, l.hazard_type, l.current_version_id, t.label, t.max_severity, v.version_no
                FROM geo_layer l JOIN hazard_type t ON t.code = l.hazard_type
                LEFT JOIN geo_layer_version v ON v.id = l.current_version_id
                WHERE l.id = ? AND l.kind = 'HAZARD'""")) {
            select.setLong(1, area.layerId());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new InvalidInputException("area.layerId", "ハザードのレイヤー " + area.layerId() + " はありません");
                }
                long version = row.getLong(3);
                if (row.wasNull()) {
                    throw new InvalidInputException("area.layerId", "レイヤー「" + row.getString(1) + "」には現在の版がありません");
                }
                int max = row.getInt(5);
                Integer min = area.minSeverity() == null ? 1 : area.minSeverity();
                if (min < 1 || min > max) {
                    throw new InvalidInputException("area.minSeverity", row.getString(4) + "の危険度の下限は1〜" + max + "の整数です");
                }
                HazardType type = HazardType.valueOf(row.getString(2));
                return new Settled(AreaKind.HAZARD_ZONES, null, area.layerId(), version, min, type, null,
                        "「" + row.getString(1) + "」（第" + row.getInt(6) + "版）の" + row.getString(4) + "区域のうち"
                                + severityText(type, min));
            }
        }
    }

    static String severityText(HazardType type, int min) {
        if (type == HazardType.LANDSLIDE) {
            return min >= 2 ? "特別警戒区域（レッド）" : "警戒区域・特別警戒区域";
        }
        String[] lower = {"", "0m", "0.5m", "3.0m", "5.0m", "10.0m", "20.0m"};
        return "浸水深 " + lower[Math.min(min, 6)] + " 以上（ランク" + min + "以上）";
    }

    private Settled polygonArea(Connection connection, AreaRequest area) throws SQLException, IOException {
        Path work = Files.createTempDirectory("inochi-event-area-");
        try {
            List<InputFile> files = area.files();
            String source = area.sourceName();
            if (files == null || files.isEmpty()) {
                if (area.geoJson() == null || area.geoJson().isBlank()) {
                    throw new InvalidInputException("area.geoJson",
                            "範囲を GeoJSON で指定するか、ファイル（GeoJSON、シェープファイル、GeoPackage、その ZIP）を送ってください");
                }
                Path file = work.resolve("drawn.geojson");
                Files.writeString(file, featureCollection(area.geoJson()), StandardCharsets.UTF_8);
                files = List.of(new InputFile(file, "描画した範囲.geojson"));
                source = source == null ? "地図上で指定した範囲（GeoJSON）" : source;
            }
            Polygon6668 polygon = readPolygon(connection, files, area.crs(), work);
            String name = source == null ? polygon.source() : source;
            Polygon6668 named = new Polygon6668(polygon.ewkbHex(), name, polygon.sourceCrs(), polygon.areaKm2(), polygon.notes());
            return new Settled(AreaKind.POLYGON, null, null, null, null, null, named,
                    "指定した範囲（" + name + "、約" + String.format("%.1f", polygon.areaKm2()) + " km²）");
        } finally {
            deleteTree(work);
        }
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

    /**
     * Reads every feature's area, in the file's CRS, into one geometry; PostGIS transforms, repairs and dissolves it.
     * Points and lines are refused by feature number (an area was asked for); the file's CRS follows the same rules as a
     * hazard import.
     */
    Polygon6668 readPolygon(Connection connection, List<InputFile> files, @Nullable Integer crs, Path work)
            throws SQLException, IOException {
        SourceFiles.Options options = new SourceFiles.Options(null, null, null, new SafeUnzip.Limits(
                importSettings.maxUnpackedSize(), importSettings.maxZipEntries(), importSettings.maxCompressionRatio()));
        List<Polygon> polygons = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        SourceDescription source;
        long vertices = 0;
        try (FeatureReader reader = SourceFiles.open(files, options, work)) {
            source = reader.describe();
            notes.addAll(source.warnings());
            SourceFeature feature;
            while ((feature = reader.next()) != null) {
                Geometry geometry = feature.geometry();
                if (geometry == null || geometry.isEmpty()) {
                    notes.add(feature.where() + "はジオメトリがないため除きました");
                    continue;
                }
                if (!(geometry instanceof Polygonal) && !(geometry instanceof GeometryCollection)) {
                    throw new InvalidInputException("area", feature.where() + "は " + geometry.getGeometryType()
                            + " です。範囲は面（Polygon または MultiPolygon）で指定してください");
                }
                int before = polygons.size();
                for (int i = 0; i < geometry.getNumGeometries(); i++) {
                    if (geometry.getGeometryN(i) instanceof Polygon polygon && !polygon.isEmpty()) {
                        polygons.add(polygon);
                    }
                }
                if (polygons.size() == before) {
                    throw new InvalidInputException("area", feature.where() + "に面（ポリゴン）がありません");
                }
                vertices += geometry.getNumPoints();
                if (vertices > MAX_VERTICES) {
                    throw new InvalidInputException("area", "範囲の頂点が多すぎます（" + MAX_VERTICES
                            + "点まで）。範囲を簡略化してから送ってください");
                }
                if (feature.note() != null) {
                    notes.add(feature.where() + ": " + feature.note());
                }
            }
        } catch (UnreadableFileException e) {
            throw new InvalidInputException("area", e.getMessage());
        }
        if (polygons.isEmpty()) {
            throw new InvalidInputException("area", source.fileName() + " に範囲（面）が1つもありません");
        }
        int srid = srid(connection, source, crs);
        Geometry all = polygons.get(0).getFactory().createMultiPolygon(polygons.toArray(Polygon[]::new));
        all.setSRID(srid);
        String ewkb = WKBWriter.toHex(new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, true).write(all));
        try (PreparedStatement transform = connection.prepareStatement("""
                WITH given AS (SELECT ST_GeomFromEWKB(decode(?, 'hex')) AS g),
                     moved AS (SELECT g, ST_Transform(g, 6668) AS t FROM given),
                     fixed AS (SELECT ST_IsValid(t) AS was_valid,
                                      ST_Multi(ST_CollectionExtract(ST_UnaryUnion(ST_MakeValid(t)), 3)) AS f FROM moved)
                SELECT was_valid, encode(ST_AsEWKB(f), 'hex'), ST_Area(f::geography) / 1e6,
                       ST_XMin(f), ST_YMin(f), ST_XMax(f), ST_YMax(f), ST_IsEmpty(f)
                FROM fixed""")) {
            transform.setString(1, ewkb);
            try (ResultSet row = transform.executeQuery()) {
                row.next();
                if (row.getBoolean(8)) {
                    throw new InvalidInputException("area", "範囲を修復すると面積がなくなりました。範囲の形を確認してください");
                }
                double minX = row.getDouble(4);
                double minY = row.getDouble(5);
                double maxX = row.getDouble(6);
                double maxY = row.getDouble(7);
                if (maxX < KUMAMOTO_BOUNDS[0] || minX > KUMAMOTO_BOUNDS[2] || maxY < KUMAMOTO_BOUNDS[1]
                        || minY > KUMAMOTO_BOUNDS[3]) {
                    throw new InvalidInputException("area", String.format("範囲が熊本県にかかっていません（経度 %.4f〜%.4f、"
                            + "緯度 %.4f〜%.4f）。%s を EPSG:%d として読みました。座標系が違う場合は crs に EPSG コードを"
                            + "指定してください（例: 6668 は JGD2011 経緯度、6670 は平面直角座標系 II 系）",
                            minX, maxX, minY, maxY, source.fileName(), srid));
                }
                if (!row.getBoolean(1)) {
                    notes.add("範囲の図形が不正だったため修復しました（ST_MakeValid）");
                }
                return new Polygon6668(row.getString(2), source.fileName(), "EPSG:" + srid, row.getDouble(3), notes);
            }
        } catch (SQLException e) {
            if ("XX000".equals(e.getSQLState()) || "22023".equals(e.getSQLState())) {
                throw new InvalidInputException("area", source.fileName() + " を EPSG:" + srid + " として変換できませんでした（"
                        + e.getMessage().lines().findFirst().orElse("") + "）。座標系を確認し、crs に EPSG コードを指定してください");
            }
            throw e;
        }
    }

    /** The same rules as a hazard import: the code given, else the one the file declares, else its .prj identified. */
    private static int srid(Connection connection, SourceDescription source, @Nullable Integer given) throws SQLException {
        DeclaredCrs declared = source.crs();
        Integer srid = given != null ? given : declared.epsg();
        if (srid == null && declared.wkt() != null) {
            srid = PrjIdentifier.identify(declared.wkt()).orElseThrow(() -> new InvalidInputException("crs",
                    "座標系（" + declared.declaredAs() + "）を EPSG コードに特定できませんでした。crs に EPSG コードを指定してください"
                            + "（例: 6668 は JGD2011 経緯度、6670 は平面直角座標系 II 系）"));
        }
        if (srid == null) {
            throw new InvalidInputException("crs", declared.isMissing()
                    ? source.fileName() + " には座標系の情報（.prj など）がありません。crs に EPSG コードを指定してください"
                            + "（例: 6668 は JGD2011 経緯度、6670 は平面直角座標系 II 系）"
                    : source.fileName() + " の座標系「" + declared.declaredAs() + "」が分かりません。crs に EPSG コードを指定してください");
        }
        try (PreparedStatement known = connection.prepareStatement(
                "SELECT 1 FROM spatial_ref_sys WHERE srid = ? AND auth_name = 'EPSG'")) {
            known.setInt(1, srid);
            try (ResultSet result = known.executeQuery()) {
                if (!result.next()) {
                    throw new InvalidInputException("crs", "EPSG:" + srid + " はこのデータベースの座標系一覧にないため変換できません");
                }
            }
        }
        return srid;
    }

    /**
     * The households in the layer's current zones at or above the severity, each with its highest such zone: what
     * {@code hazard_layer_households(layer, severity)} answers, found from the hazards feature's exposure instead of
     * testing every home against every zone. A home's exposure row for the hazard type holds the highest zone of all
     * current layers of that type, evaluated at the home's present location; so
     * <ul>
     *   <li>an exposure row from this layer's current version at or above the severity is the answer itself;</li>
     *   <li>a fresh row below the severity, or outside every zone, rules the home out (this layer's zone can't be higher);</li>
     *   <li>every other home (no fresh row, or its highest zone from another layer of the type) is tested against this
     *       layer's zones, as the function would.</li>
     * </ul>
     * Parameters: layer, severity (three times), event, time.
     */
    static final String HAZARD_ZONE_HOUSEHOLDS = """
            INSERT INTO disaster_event_household (event_id, household_id, included_because, zone_id, zone_severity,
                                                  zone_label, included_at)
            WITH layer AS (SELECT l.id, l.current_version_id AS version_id, l.hazard_type FROM geo_layer l WHERE l.id = ?),
                 settled AS (
                     SELECT e.household_id, e.zone_id, e.severity
                     FROM layer JOIN household_hazard_exposure e
                       ON e.hazard_type = layer.hazard_type AND e.layer_id = layer.id AND e.layer_version_id = layer.version_id
                      AND e.status = 'IN_ZONE' AND e.severity >= ?
                     JOIN household h ON h.id = e.household_id AND h.location ~= e.location),
                 unsettled AS MATERIALIZED (
                     SELECT h.id, h.location FROM layer JOIN household h ON h.location IS NOT NULL
                     WHERE NOT EXISTS (SELECT 1 FROM household_hazard_exposure e
                                       WHERE e.household_id = h.id AND e.hazard_type = layer.hazard_type
                                         AND e.location ~= h.location
                                         AND (e.status <> 'IN_ZONE' OR e.severity < ?
                                              OR (e.layer_id = layer.id AND e.layer_version_id = layer.version_id)))),
                 tested AS (
                     SELECT u.id AS household_id, best.zone_id, best.severity
                     FROM layer JOIN unsettled u ON true
                     JOIN LATERAL (SELECT pt.zone_id, pt.severity FROM hazard_zone_part pt
                                   WHERE pt.version_id = layer.version_id AND pt.severity >= ?
                                     AND ST_Intersects(pt.geom, u.location)
                                   ORDER BY pt.severity DESC, pt.zone_id LIMIT 1) best ON true)
            SELECT ?::bigint, found.household_id, 'HAZARD_ZONE', found.zone_id, found.severity, z.severity_label,
                   ?::timestamptz
            FROM (SELECT * FROM settled UNION ALL SELECT * FROM tested) found
            JOIN hazard_zone z ON z.id = found.zone_id
            ON CONFLICT (event_id, household_id) DO NOTHING""";

    /**
     * Writes the households the event's area covers into {@code disaster_event_household} (those already there stay
     * as they were) and returns how many were added; then the event's municipalities are set from them.
     */
    int include(Connection connection, long eventId, Settled area, Instant now) throws SQLException {
        int added = switch (area.kind()) {
            case MUNICIPALITIES -> update(connection, """
                    INSERT INTO disaster_event_household (event_id, household_id, included_because, included_at)
                    SELECT ?, h.id, 'MUNICIPALITY', ?
                    FROM household h LEFT JOIN household_place p ON p.household_id = h.id
                    WHERE h.municipality_code = ANY (?) OR h.ward_code = ANY (?)
                       OR p.located_municipality_code = ANY (?) OR p.located_ward_code = ANY (?)
                    ON CONFLICT (event_id, household_id) DO NOTHING""", eventId, now, codes(connection, area),
                    codes(connection, area), codes(connection, area), codes(connection, area));
            case POLYGON -> update(connection, """
                    INSERT INTO disaster_event_household (event_id, household_id, included_because, included_at)
                    SELECT DISTINCT ?::bigint, h.id, 'POLYGON', ?::timestamptz
                    FROM (SELECT ST_Subdivide(area_geom, 256) AS g FROM disaster_event WHERE id = ?) part
                    JOIN household h ON h.location && part.g AND ST_Intersects(part.g, h.location)
                    ON CONFLICT (event_id, household_id) DO NOTHING""", eventId, now, eventId);
            case HAZARD_ZONES -> update(connection, HAZARD_ZONE_HOUSEHOLDS, area.layerId(), area.minSeverity(),
                    area.minSeverity(), area.minSeverity(), eventId, now);
        };
        if (area.kind() != AreaKind.MUNICIPALITIES) {
            added += update(connection, """
                    WITH touched AS (
                        SELECT h.municipality_code AS code FROM disaster_event_household eh
                        JOIN household h ON h.id = eh.household_id WHERE eh.event_id = ? AND h.municipality_code IS NOT NULL
                        UNION
                        SELECT a.municipality_code FROM admin_area a
                        JOIN geo_layer_version v ON v.id = a.version_id AND v.status = 'CURRENT'
                        JOIN disaster_event e ON e.id = ? AND e.area_geom IS NOT NULL AND ST_Intersects(a.geom, e.area_geom))
                    INSERT INTO disaster_event_household (event_id, household_id, included_because, included_at)
                    SELECT ?, h.id, 'LOCATION_UNKNOWN', ? FROM household h
                    WHERE h.location IS NULL AND h.municipality_code IN (SELECT code FROM touched)
                    ON CONFLICT (event_id, household_id) DO NOTHING""", eventId, eventId, eventId, now);
        }
        update(connection, """
                UPDATE disaster_event e SET municipality_codes = coalesce((
                    SELECT array_agg(DISTINCT code ORDER BY code) FROM (
                        SELECT h.municipality_code AS code FROM disaster_event_household eh
                        JOIN household h ON h.id = eh.household_id
                        WHERE eh.event_id = e.id AND h.municipality_code IS NOT NULL
                        UNION
                        SELECT coalesce(m.parent_code, m.code) FROM municipality m WHERE m.code = ANY (e.area_codes)) c),
                    '{}')
                WHERE e.id = ?""", eventId);
        return added;
    }

    private static Array codes(Connection connection, Settled area) throws SQLException {
        return connection.createArrayOf("varchar", area.codes().toArray());
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                if (value instanceof Instant instant) {
                    statement.setTimestamp(i + 1, Timestamp.from(instant));
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            return statement.executeUpdate();
        }
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the OS cleans it eventually
        }
    }
}
