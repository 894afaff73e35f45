package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.layers.ImportSettings;
import jp.inochi.layers.reading.FeatureReader;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.layers.reading.SourceDescription;
import jp.inochi.layers.reading.SourceFeature;
import jp.inochi.layers.reading.SourceFiles;
import jp.inochi.layers.reading.UnreadableFileException;
import jp.inochi.layers.reading.crs.CrsRules;
import jp.inochi.platform.problem.InvalidInputException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/**
 * An event's area from a file (GeoJSON, Shapefile, GeoPackage, or a ZIP of them), read by the layer importer's readers
 * with its CRS rules (the code given, else the one the file declares, else its {@code .prj} identified), transformed
 * to EPSG:6668 by PostGIS, repaired when invalid, dissolved, and required to touch Kumamoto.
 */
@Singleton
class AreaFiles {
    /** A drawn or uploaded area larger than this many vertices is refused (a whole prefecture's coastline...). */
    static final int MAX_VERTICES = 500_000;
    private static final double[] KUMAMOTO_BOUNDS = {129.5, 31.8, 131.6, 33.5};
    private static final CrsRules.Asking ASKING = new CrsRules.Asking("「座標系」欄（crs）に EPSG コードを指定してください",
            "（例: 6668 は JGD2011 経緯度、6670 は平面直角座標系 II 系）", false,
            message -> new InvalidInputException("crs", message));

    private final ImportSettings importSettings;

    AreaFiles(ImportSettings importSettings) {
        this.importSettings = importSettings;
    }

    /** Every feature's area, in the file's CRS, with what happened on the way. */
    private record Read(SourceDescription source, List<Polygon> polygons, List<String> notes) {
    }

    /**
     * Reads every feature's area into one geometry; PostGIS transforms, repairs and dissolves it. Points and lines are
     * refused by feature number (an area was asked for).
     */
    EventAreas.Polygon6668 read(Connection connection, List<InputFile> files, @Nullable Integer crs, Path work)
            throws SQLException, IOException {
        Read read = polygons(files, work);
        int srid = CrsRules.sourceSrid(connection, read.source(), crs, ASKING);
        Geometry all = read.polygons().get(0).getFactory().createMultiPolygon(read.polygons().toArray(Polygon[]::new));
        all.setSRID(srid);
        return transform(connection, WKBWriter.toHex(new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, true).write(all)),
                read.source(), srid, read.notes());
    }

    private Read polygons(List<InputFile> files, Path work) throws IOException {
        SourceFiles.Options options = new SourceFiles.Options(null, null, null, importSettings.unzipLimits());
        List<Polygon> polygons = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        SourceDescription source;
        long vertices = 0;
        try (FeatureReader reader = SourceFiles.open(files, options, work)) {
            source = reader.describeFeatures();
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
        return new Read(source, polygons, notes);
    }

    private static EventAreas.Polygon6668 transform(Connection connection, String ewkb, SourceDescription source,
                                                    int srid, List<String> notes) throws SQLException {
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
                return new EventAreas.Polygon6668(row.getString(2), source.fileName(), "EPSG:" + srid, row.getDouble(3), notes);
            }
        } catch (SQLException e) {
            if ("XX000".equals(e.getSQLState()) || "22023".equals(e.getSQLState())) {
                // PROJ's English (latitude out of range...) says less to the person than what to do about it
                throw new InvalidInputException("area", source.fileName() + " を EPSG:" + srid + " として変換できませんでした"
                        + "（座標がその座標系の範囲外です）。座標系を確認し、crs に EPSG コードを指定してください");
            }
            throw e;
        }
    }
}
