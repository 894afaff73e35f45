package jp.inochi.layers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFilter;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * Makes each geometry fit its layer: while reading, with JTS in the file's CRS (areas validated and repaired, points
 * unwrapped); while transforming, with PostGIS on the staged rows, since a transformation could in rare cases
 * bend a ring across another. Every repair and every geometry left out is counted with its reason.
 */
final class GeometryRepair {

    /** The geometry to stage, or why it is left out; {@code note} says what was mended. */
    record Shaped(Geometry geometry, String skip, String note) {
    }

    private GeometryRepair() {
    }

    /** A read geometry as the layer takes it: a valid area for a polygon layer, a point for a point layer. */
    static Shaped shape(Geometry geometry, boolean polygons) {
        return polygons ? valid(polygonal(geometry)) : point(geometry);
    }

    /** Areas only: lines and points in a polygon layer carry no area and are left out; collections keep their areas. */
    private static Shaped polygonal(Geometry geometry) {
        if (geometry instanceof Polygonal) {
            return new Shaped(geometry, null, null);
        }
        if (geometry instanceof GeometryCollection collection && !(geometry instanceof MultiPoint)
                && !(geometry instanceof MultiLineString)) {
            List<Polygon> polygons = new ArrayList<>();
            collection.apply((GeometryFilter) part -> {
                if (part instanceof Polygon polygon && !polygon.isEmpty()) {
                    polygons.add(polygon);
                }
            });
            if (!polygons.isEmpty()) {
                return new Shaped(geometry.getFactory().createMultiPolygon(polygons.toArray(Polygon[]::new)), null,
                        "GeometryCollection から面だけを取り出しました");
            }
        }
        return new Shaped(null, "面（ポリゴン）の層に " + geometry.getGeometryType() + " が含まれています（面積がないため除外）", null);
    }

    /**
     * Validates an area with JTS while reading (the same rules as PostGIS's GEOS) and repairs it like ST_MakeValid
     * (GeometryFixer): a bow-tie becomes its two triangles; what has no area left is skipped.
     */
    private static Shaped valid(Shaped shaped) {
        if (shaped.geometry() == null) {
            return shaped;
        }
        IsValidOp validity = new IsValidOp(shaped.geometry());
        if (validity.isValid()) {
            return shaped;
        }
        String reason = ValidityReasons.of(validity.getValidationError());
        List<Polygon> polygons = new ArrayList<>();
        GeometryFixer.fix(shaped.geometry()).apply((GeometryFilter) part -> {
            if (part instanceof Polygon polygon && !polygon.isEmpty() && polygon.getArea() > 0) {
                polygons.add(polygon);
            }
        });
        if (polygons.isEmpty()) {
            return new Shaped(null, "修復すると面積のない図形になりました（" + reason + "）", null);
        }
        Geometry fixed = polygons.size() == 1 ? polygons.get(0)
                : shaped.geometry().getFactory().createMultiPolygon(polygons.toArray(Polygon[]::new));
        String note = "不正な図形を修復しました（" + reason + "）";
        return new Shaped(fixed, null, shaped.note() == null ? note : shaped.note() + "、" + note);
    }

    private static Shaped point(Geometry geometry) {
        if (geometry instanceof Point) {
            return new Shaped(geometry, null, null);
        }
        if (geometry instanceof MultiPoint multi && multi.getNumGeometries() == 1) {
            return new Shaped(multi.getGeometryN(0), null, "1点だけの MultiPoint を Point にしました");
        }
        return new Shaped(null, "点の層に " + geometry.getGeometryType() + " が含まれています", null);
    }

    /**
     * Moves the staged areas into the stored CRS and, in the same pass, checks them again there and repairs the invalid
     * ones with ST_MakeValid: one rewrite of the staged rows instead of a transformation and then a revalidation.
     */
    static void transformAndRepair(Connection connection, int storageSrid, FeatureTally repaired) throws SQLException {
        // OFFSET 0 keeps each subquery whole, so every area is transformed and validated once
        try (Statement statement = connection.createStatement();
             ResultSet invalid = statement.executeQuery("""
                     WITH moved AS (
                         UPDATE import_stage SET (geom, invalid_reason) = (
                             SELECT CASE WHEN v.reason IS NULL THEN v.g ELSE ST_CollectionExtract(ST_MakeValid(v.g), 3) END,
                                    v.reason
                             FROM (SELECT t.g, CASE WHEN ST_IsValid(t.g) THEN NULL ELSE ST_IsValidReason(t.g) END AS reason
                                   FROM (SELECT ST_Transform(geom, %d) AS g OFFSET 0) t OFFSET 0) v)
                         WHERE ST_SRID(geom) <> %d
                         RETURNING feature_index, origin, origin_index, invalid_reason)
                     SELECT feature_index, origin, origin_index, invalid_reason FROM moved WHERE invalid_reason IS NOT NULL"""
                     .formatted(storageSrid, storageSrid))) {
            while (invalid.next()) {
                repaired.add(invalid.getLong(1), invalid.getString(2) + " の " + invalid.getLong(3) + "番目の地物",
                        "不正な図形を修復しました（" + ValidityReasons.ofPostgis(invalid.getString(4)) + "）");
            }
        }
    }

    /** Leaves out the staged areas that the repair left without area. */
    static void skipEmptied(Connection connection, FeatureTally skipped) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet empty = statement.executeQuery("""
                     UPDATE import_stage SET skip_reason = '修復すると面積のない図形になりました'
                     WHERE invalid_reason IS NOT NULL AND (ST_IsEmpty(geom) OR ST_Area(geom) = 0)
                     RETURNING feature_index, origin, origin_index, invalid_reason""")) {
            while (empty.next()) {
                skipped.add(empty.getLong(1), empty.getString(2) + " の " + empty.getLong(3) + "番目の地物",
                        "修復すると面積のない図形になりました（" + ValidityReasons.ofPostgis(empty.getString(4)) + "）");
            }
        }
    }
}
