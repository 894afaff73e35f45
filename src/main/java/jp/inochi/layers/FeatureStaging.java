package jp.inochi.layers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.inochi.layers.reading.FeatureReader;
import jp.inochi.layers.reading.SourceDescription;
import jp.inochi.layers.reading.SourceFeature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;

/**
 * Streams the features into the temporary table {@code import_stage} with COPY, each shaped for the layer (see
 * {@link GeometryRepair}) and mapped to the layer's columns on the {@link FeaturePipeline}'s shaping threads, then
 * checks they lie in Japan. A feature whose attributes can't be used stops the import (up to 50 are listed).
 */
final class FeatureStaging {
    static final int STORAGE_SRID = 6668;
    private static final int MAX_PROBLEMS_SHOWN = 50;
    private static final ObjectMapper ATTRIBUTES = new ObjectMapper();

    /** What reading left: features read, and those repaired or skipped so far. */
    record Staged(long read, FeatureTally repaired, FeatureTally skipped) {
    }

    private final Connection connection;
    private final LayerTarget target;
    private final LayerTarget.FeatureMapper mapper;
    private final ImportSettings settings;
    private final ImportProgress progress;

    FeatureStaging(Connection connection, LayerTarget target, LayerTarget.FeatureMapper mapper, ImportSettings settings,
                   ImportProgress progress) {
        this.connection = connection;
        this.target = target;
        this.mapper = mapper;
        this.settings = settings;
        this.progress = progress;
    }

    /** Creates the staging table (dropped at commit) and copies every usable feature into it, in the file's CRS. */
    Staged stage(FeatureReader reader, long total, int srid) throws SQLException, IOException {
        List<String> columns = target.columns();
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS import_stage");
            statement.execute("CREATE TEMP TABLE import_stage (feature_index bigint, origin text, origin_index bigint, "
                    + "attributes jsonb, geom geometry, note text, invalid_reason text, skip_reason text, "
                    + String.join(", ", columns) + ") ON COMMIT DROP");
            statement.execute("ALTER TABLE import_stage ALTER COLUMN geom SET STORAGE EXTERNAL");
        }
        FeatureTally repaired = new FeatureTally(settings.maxReportedEntries());
        FeatureTally skipped = new FeatureTally(settings.maxReportedEntries());
        List<FeatureProblem> problems = new ArrayList<>();
        long read = 0;
        CopyRows rows = new CopyRows(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql(columns)));
        progress.update(ImportProgress.Phase.READING, 0, total);
        try (FeaturePipeline<Prepared> features = new FeaturePipeline<>(reader, feature -> prepare(feature, srid),
                FeaturePipeline.shapingThreads())) {
            Prepared feature;
            while ((feature = features.next()) != null) {
                read++;
                if (read % 250 == 0) {
                    progress.update(ImportProgress.Phase.READING, read, total);
                    if (progress.cancelled()) {
                        throw new ImportFailure("読み込みは取り消されました");
                    }
                }
                if (feature.problem() != null) {
                    problems.add(feature.problem());
                    if (problems.size() >= Math.min(settings.maxProblems(), MAX_PROBLEMS_SHOWN)) {
                        break;
                    }
                } else if (feature.skip() != null) {
                    skipped.add(feature.index(), feature.where(), feature.skip());
                } else {
                    if (feature.note() != null) {
                        repaired.add(feature.index(), feature.where(), feature.note());
                    }
                    if (problems.isEmpty()) {
                        rows.add(feature.row());
                    }
                }
            }
            if (!problems.isEmpty()) {
                rows.cancel();
                throw new ImportFailure(problemSummary(problems), problems);
            }
            rows.finish();
        } catch (RuntimeException | IOException | SQLException e) {
            rows.cancel();
            throw e;
        }
        return new Staged(read, repaired, skipped);
    }

    /**
     * A feature made ready on a shaping thread: its COPY row, or why it is left out (with {@code where} it is), or
     * the problem that stops the import; {@code note} says what was mended.
     */
    private record Prepared(long index, String where, String note, String skip, FeatureProblem problem, byte[] row) {
    }

    /** Shapes, validates and maps one feature and writes its row (called on the pipeline's shaping threads). */
    private Prepared prepare(SourceFeature feature, int srid) {
        Row row;
        try {
            row = row(feature);
        } catch (LayerTarget.ProblemFound problem) {
            return new Prepared(feature.index(), feature.where(), null, null, new FeatureProblem(feature.index(),
                    feature.origin(), feature.indexInOrigin(), problem.field(), problem.getMessage()), null);
        }
        if (row.skip() != null) {
            return new Prepared(feature.index(), feature.where(), null, row.skip(), null, null);
        }
        row.geometry().setSRID(srid);
        CopyLine line = new CopyLine().value(feature.index()).value(feature.origin()).value(feature.indexInOrigin())
                .value(attributes(feature.attributes()))
                .plain(WKBWriter.toHex(new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, true).write(row.geometry())))
                .value(row.note());
        for (Object value : row.values()) {
            line.value(value);
        }
        return new Prepared(feature.index(), row.note() == null ? null : feature.where(), row.note(), null, null, line.end());
    }

    /** A feature's staged geometry and values, with what was mended; or why it is left out. */
    private record Row(Geometry geometry, String note, Object[] values, String skip) {
    }

    /** Shapes the geometry for the layer, then maps the attributes; a geometry the layer can't take is not mapped. */
    private Row row(SourceFeature feature) throws LayerTarget.ProblemFound {
        Geometry geometry = feature.geometry();
        String note = feature.note();
        if (geometry == null) {
            return new Row(null, note, null, note == null ? "ジオメトリがありません" : note);
        }
        if (geometry.isEmpty()) {
            return new Row(null, note, null, "空のジオメトリです");
        }
        GeometryRepair.Shaped shaped = GeometryRepair.shape(geometry, target.polygons());
        if (shaped.note() != null) {
            note = note == null ? shaped.note() : note + "、" + shaped.note();
        }
        if (shaped.skip() != null) {
            return new Row(null, note, null, shaped.skip());
        }
        LayerTarget.Mapped mapped = mapper.map(feature);
        return new Row(shaped.geometry(), note, mapped.values(), mapped.skipReason());
    }

    private static String copySql(List<String> columns) {
        StringBuilder sql = new StringBuilder("COPY import_stage (feature_index, origin, origin_index, attributes, geom, note");
        for (String column : columns) {
            sql.append(", ").append(column.strip().split("\\s+")[0]);
        }
        return sql.append(") FROM STDIN").toString();
    }

    /** Moves the staged geometries into the stored CRS. */
    void transform() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE import_stage SET geom = ST_Transform(geom, " + STORAGE_SRID
                    + ") WHERE ST_SRID(geom) <> " + STORAGE_SRID);
        }
    }

    /** Everything stored is in Japan: coordinates elsewhere mean the CRS was wrong (a plane CRS read as degrees...). */
    void checkExtent(int srid, SourceDescription source) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet extent = statement.executeQuery("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) "
                     + "FROM (SELECT ST_Extent(geom) AS e FROM import_stage) s")) {
            extent.next();
            double minX = extent.getDouble(1);
            if (extent.wasNull()) {
                return;
            }
            double minY = extent.getDouble(2);
            double maxX = extent.getDouble(3);
            double maxY = extent.getDouble(4);
            if (minX < 120 || maxX > 155 || minY < 20 || maxY > 47) {
                throw new ImportFailure(String.format(
                        "座標が日本の範囲外になりました（経度 %.4f〜%.4f、緯度 %.4f〜%.4f）。%s を EPSG:%d として読みましたが、"
                                + "座標系が違う可能性があります。正しい座標系を EPSG コードで指定してください",
                        minX, maxX, minY, maxY, source.fileName(), srid));
            }
        }
    }

    /** The staged rows that will be published. */
    long importable() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM import_stage WHERE skip_reason IS NULL")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String attributes(Map<String, Object> attributes) {
        try {
            return ATTRIBUTES.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String problemSummary(List<FeatureProblem> problems) {
        FeatureProblem first = problems.get(0);
        return "属性を読み取れない地物があるため、読み込みを中止しました（" + problems.size() + "件"
                + (problems.size() >= MAX_PROBLEMS_SHOWN ? "以上" : "") + "）。最初の問題: " + first.describe()
                + "。地物を読み落とすと危険な区域が抜けるため、1件でも読めない場合は全体を読み込みません。現在の版はそのままです";
    }
}
