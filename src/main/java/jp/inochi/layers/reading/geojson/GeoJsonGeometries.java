package jp.inochi.layers.reading.geojson;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * GeoJSON geometry objects to JTS. Instead of failing the whole file, a geometry that can't be built comes back
 * without a geometry and with the reason; an unclosed ring is closed and noted.
 */
final class GeoJsonGeometries {
    private final GeometryFactory factory = new GeometryFactory();

    record Result(Geometry geometry, String note) {
    }

    private static final class Problem extends Exception {
        Problem(String message) {
            super(message, null, false, false);
        }
    }

    Result read(JsonNode node) {
        List<String> notes = new ArrayList<>();
        try {
            Geometry geometry = geometry(node, notes);
            return new Result(geometry, notes.isEmpty() ? null : String.join("、", notes));
        } catch (Problem problem) {
            return new Result(null, problem.getMessage());
        } catch (IllegalArgumentException impossible) {
            // JTS refuses, in English, a line of one point and the like
            return new Result(null, "ジオメトリを組み立てられません（線の点が1点しかないなど、点の数が足りません）");
        }
    }

    private Geometry geometry(JsonNode node, List<String> notes) throws Problem {
        String type = node.path("type").asText("");
        JsonNode c = node.get("coordinates");
        switch (type) {
            case "Point":
                return factory.createPoint(position(c));
            case "MultiPoint": {
                List<Point> points = new ArrayList<>();
                for (JsonNode p : array(c)) {
                    points.add(factory.createPoint(position(p)));
                }
                return factory.createMultiPoint(points.toArray(Point[]::new));
            }
            case "LineString":
                return factory.createLineString(positions(c));
            case "MultiLineString": {
                List<LineString> lines = new ArrayList<>();
                for (JsonNode line : array(c)) {
                    lines.add(factory.createLineString(positions(line)));
                }
                return factory.createMultiLineString(lines.toArray(LineString[]::new));
            }
            case "Polygon":
                return polygon(c, notes);
            case "MultiPolygon": {
                List<Polygon> polygons = new ArrayList<>();
                for (JsonNode polygon : array(c)) {
                    polygons.add(polygon(polygon, notes));
                }
                return factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
            }
            case "GeometryCollection": {
                List<Geometry> parts = new ArrayList<>();
                for (JsonNode part : array(node.get("geometries"))) {
                    parts.add(geometry(part, notes));
                }
                return factory.createGeometryCollection(parts.toArray(Geometry[]::new));
            }
            default:
                throw new Problem("ジオメトリの型「" + type + "」は GeoJSON の型ではありません");
        }
    }

    private Polygon polygon(JsonNode rings, List<String> notes) throws Problem {
        List<LinearRing> all = new ArrayList<>();
        for (JsonNode ring : array(rings)) {
            all.add(ring(ring, notes));
        }
        if (all.isEmpty()) {
            return factory.createPolygon();
        }
        return factory.createPolygon(all.get(0), all.subList(1, all.size()).toArray(LinearRing[]::new));
    }

    private LinearRing ring(JsonNode node, List<String> notes) throws Problem {
        Coordinate[] points = positions(node);
        if (points.length > 0 && !points[0].equals2D(points[points.length - 1])) {
            Coordinate[] closed = new Coordinate[points.length + 1];
            System.arraycopy(points, 0, closed, 0, points.length);
            closed[points.length] = points[0].copy();
            points = closed;
            if (!notes.contains("閉じていないリングを閉じました")) {
                notes.add("閉じていないリングを閉じました");
            }
        }
        if (points.length > 0 && points.length < 4) {
            throw new Problem("ポリゴンのリングの点が4点未満です（" + points.length + "点）");
        }
        return factory.createLinearRing(points);
    }

    private static Iterable<JsonNode> array(JsonNode node) throws Problem {
        if (node == null || !node.isArray()) {
            throw new Problem("coordinates が配列ではありません");
        }
        return node;
    }

    private static Coordinate[] positions(JsonNode node) throws Problem {
        List<Coordinate> points = new ArrayList<>();
        for (JsonNode p : array(node)) {
            points.add(position(p));
        }
        return points.toArray(Coordinate[]::new);
    }

    private static Coordinate position(JsonNode node) throws Problem {
        if (node == null || !node.isArray() || node.size() < 2 || !node.get(0).isNumber() || !node.get(1).isNumber()) {
            throw new Problem("座標が数値の組 [x, y] ではありません");
        }
        double x = node.get(0).doubleValue();
        double y = node.get(1).doubleValue();
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new Problem("座標が有限の数値ではありません");
        }
        return new Coordinate(x, y);
    }
}
