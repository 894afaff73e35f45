package jp.inochi.layers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.inochi.layers.reading.DeclaredCrs;
import jp.inochi.layers.reading.FeatureReader;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.layers.reading.SourceDescription;
import jp.inochi.layers.reading.SourceFeature;
import jp.inochi.layers.reading.SourceFiles;
import jp.inochi.layers.reading.UnreadableFileException;
import jp.inochi.layers.reading.archive.SafeUnzip;
import jp.inochi.layers.reading.crs.PrjIdentifier;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a file as a new version of a layer, in one transaction: pass 1 describes the file and settles its CRS;
 * pass 2 streams the features through the layer's profile, validating and repairing areas with JTS (GEOS's own
 * rules, on this core while PostgreSQL works on the other), into a staging table with COPY; SQL then transforms to
 * EPSG:6668 (checking transformed areas again with ST_IsValid/ST_MakeValid), checks the extent, publishes and
 * subdivides them, makes the version current and recomputes what depends on the layer. Any failure rolls everything back, so the previous
 * version stays current and nothing is half-written.
 */
@Singleton
public class LayerImporter {
    private static final Logger LOG = LoggerFactory.getLogger(LayerImporter.class);
    private static final int STORAGE_SRID = 6668;
    private static final ObjectMapper ATTRIBUTES = new ObjectMapper();

    private final TransactionOperations<Connection> transactions;
    private final Map<LayerKind, LayerTarget> targets = new EnumMap<>(LayerKind.class);
    private final ImportSettings settings;
    private final JsonMapper json;
    private final Clock clock;

    LayerImporter(TransactionOperations<Connection> transactions, List<LayerTarget> targets, ImportSettings settings,
                  JsonMapper json, Clock clock) {
        this.transactions = transactions;
        targets.forEach(target -> this.targets.put(target.kind(), target));
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** Imports the files (loose, or ZIPs) as the next version of the named layer. */
    public ImportReport importFiles(ImportRequest request, List<InputFile> files, ImportProgress progress) throws IOException {
        Path work = Files.createTempDirectory("inochi-import-");
        try {
            return importIn(request, files, progress, work);
        } finally {
            deleteTree(work);
        }
    }

    private ImportReport importIn(ImportRequest request, List<InputFile> files, ImportProgress progress, Path work)
            throws IOException {
        long started = System.nanoTime();
        LayerTarget target = targets.get(request.kind());
        if (request.layerName() == null || request.layerName().isBlank()) {
            throw new ImportFailure("レイヤー名を入力してください");
        }
        SourceFiles.Options options = new SourceFiles.Options(request.entry(), request.table(), request.encoding(),
                new SafeUnzip.Limits(settings.maxUnpackedSize(), settings.maxZipEntries(), settings.maxCompressionRatio()));
        try (FeatureReader reader = SourceFiles.open(files, options, work)) {
            SourceDescription source = reader.describe();
            return transactions.executeWrite(status -> {
                try {
                    return write(status.getConnection(), request, target, reader, source, progress, started);
                } catch (SQLException e) {
                    LOG.error("Import of layer '{}' failed in the database", request.kind(), e);
                    throw new ImportFailure("データベースへの登録中にエラーが起きたため、読み込みを中止しました（" + e.getMessage()
                            + "）。現在の版はそのままです");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (UnreadableFileException e) {
            throw new ImportFailure(e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private ImportReport write(Connection connection, ImportRequest request, LayerTarget target, FeatureReader reader,
                               SourceDescription source, ImportProgress progress, long started)
            throws SQLException, IOException {
        int srid = sourceSrid(connection, request, source);
        Instant now = clock.instant();
        Layer layer = lockLayer(connection, request, now);
        LayerTarget.FeatureMapper mapper = target.bind(request, source, connection);
        List<String> columns = target.columns();
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS import_stage");
            statement.execute("CREATE TEMP TABLE import_stage (feature_index bigint, origin text, origin_index bigint, "
                    + "attributes jsonb, geom geometry, note text, invalid_reason text, skip_reason text, "
                    + String.join(", ", columns) + ") ON COMMIT DROP");
            statement.execute("ALTER TABLE import_stage ALTER COLUMN geom SET STORAGE EXTERNAL");
        }
        List<ImportReport.Entry> repaired = new ArrayList<>();
        List<ImportReport.Entry> skipped = new ArrayList<>();
        List<FeatureProblem> problems = new ArrayList<>();
        long read = 0;
        long repairedCount = 0;
        long skippedCount = 0;
        StringBuilder copySql = new StringBuilder("COPY import_stage (feature_index, origin, origin_index, attributes, geom, note");
        for (String column : columns) {
            copySql.append(", ").append(column.strip().split("\\s+")[0]);
        }
        copySql.append(") FROM STDIN");
        CopyRows rows = new CopyRows(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql.toString()));
        WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, true);
        long total = source.featureCount();
        progress.update(ImportProgress.Phase.READING, 0, total);
        try {
            SourceFeature feature;
            while ((feature = reader.next()) != null) {
                read++;
                if (read % 250 == 0) {
                    progress.update(ImportProgress.Phase.READING, read, total);
                    if (progress.cancelled()) {
                        throw new ImportFailure("読み込みは取り消されました");
                    }
                }
                Geometry geometry = feature.geometry();
                String note = feature.note();
                String skip = null;
                if (geometry == null) {
                    skip = note == null ? "ジオメトリがありません" : note;
                } else if (geometry.isEmpty()) {
                    skip = "空のジオメトリです";
                } else {
                    Shaped shaped = target.polygons() ? valid(polygonal(geometry)) : point(geometry);
                    geometry = shaped.geometry();
                    skip = shaped.skip();
                    if (shaped.note() != null) {
                        note = note == null ? shaped.note() : note + "、" + shaped.note();
                    }
                }
                LayerTarget.Mapped mapped = null;
                if (skip == null) {
                    try {
                        mapped = mapper.map(feature);
                        skip = mapped.skipReason();
                    } catch (LayerTarget.ProblemFound problem) {
                        problems.add(new FeatureProblem(feature.index(), feature.origin(), feature.indexInOrigin(),
                                problem.field(), problem.getMessage()));
                        if (problems.size() >= Math.min(settings.maxProblems(), MAX_PROBLEMS_SHOWN)) {
                            break;
                        }
                        continue;
                    }
                }
                if (skip != null) {
                    skippedCount++;
                    add(skipped, new ImportReport.Entry(feature.index(), feature.where(), skip));
                    continue;
                }
                if (note != null) {
                    repairedCount++;
                    add(repaired, new ImportReport.Entry(feature.index(), feature.where(), note));
                }
                geometry.setSRID(srid);
                rows.value(feature.index()).value(feature.origin()).value(feature.indexInOrigin())
                        .value(attributes(feature.attributes())).value(WKBWriter.toHex(wkb.write(geometry))).value(note);
                for (Object value : mapped.values()) {
                    rows.value(value);
                }
                rows.endRow();
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
        progress.update(ImportProgress.Phase.VALIDATING, read, total);
        transform(connection);
        checkExtent(connection, srid, source);
        if (target.polygons() && srid != STORAGE_SRID) {
            // validated and repaired in the file's CRS while reading; a transformation could in rare cases bend a
            // ring across another, so transformed areas are checked again where they are stored
            repairedCount += repair(connection, repaired);
        }
        skippedCount += skippedAfterRepair(connection, skipped);
        long imported = count(connection, "SELECT count(*) FROM import_stage WHERE skip_reason IS NULL");
        if (imported == 0) {
            throw new ImportFailure("読み込める地物が1件もありませんでした（" + read + "件を読み、" + skippedCount + "件を除外）");
        }
        progress.update(ImportProgress.Phase.PUBLISHING, read, total);
        Long previous = layer.currentVersionId();
        long versionId = newVersion(connection, layer, request, source, srid, mapper, now, read, imported, repairedCount, skippedCount);
        LayerTarget.Version version = new LayerTarget.Version(layer.id(), versionId, previous, request.layerName(),
                request.hazardType(), now);
        long parts = target.publish(connection, version);
        progress.update(ImportProgress.Phase.RECOMPUTING, read, total);
        target.replaced(connection, version, previous);
        if (previous != null) {
            target.deleteData(connection, previous);
        }
        List<String> warnings = new ArrayList<>(source.warnings());
        if (request.crs() != null && source.crs().epsg() != null && !request.crs().equals(source.crs().epsg())) {
            warnings.add("ファイルは EPSG:" + source.crs().epsg() + " と宣言していますが、指定された EPSG:" + request.crs() + " として読みました");
        }
        ImportReport report = new ImportReport(request.layerName(), request.kind(),
                request.hazardType() == null ? null : request.hazardType().name(), layer.id(), versionId,
                versionNumber(connection, versionId), previous, source.format(), source.fileName(), "EPSG:" + srid,
                source.crs().declaredAs(), mapper.profile(), mapper.fieldsUsed(), read, imported, repairedCount,
                skippedCount, parts, sorted(repaired), sorted(skipped), warnings, (System.nanoTime() - started) / 1_000_000);
        try (PreparedStatement update = connection.prepareStatement("UPDATE geo_layer_version SET report = ?::jsonb WHERE id = ?")) {
            update.setString(1, json.writeValueAsString(report));
            update.setLong(2, versionId);
            update.executeUpdate();
        }
        LOG.info("Imported layer {} version {} ({}): {} features read, {} imported, {} repaired, {} skipped, {} parts",
                layer.id(), versionId, request.kind(), read, imported, repairedCount, skippedCount, parts);
        return report;
    }

    private record Layer(long id, Long currentVersionId) {
    }

    private record Shaped(Geometry geometry, String skip, String note) {
    }

    /** Areas only: lines and points in a polygon layer carry no area and are left out; collections keep their areas. */
    private static Shaped polygonal(Geometry geometry) {
        if (geometry instanceof Polygonal) {
            return new Shaped(geometry, null, null);
        }
        if (geometry instanceof GeometryCollection collection && !(geometry instanceof MultiPoint)
                && !(geometry instanceof org.locationtech.jts.geom.MultiLineString)) {
            List<Polygon> polygons = new ArrayList<>();
            collection.apply((org.locationtech.jts.geom.GeometryFilter) part -> {
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
        String reason = validity.getValidationError().toString();
        List<Polygon> polygons = new ArrayList<>();
        GeometryFixer.fix(shaped.geometry()).apply((org.locationtech.jts.geom.GeometryFilter) part -> {
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

    private int sourceSrid(Connection connection, ImportRequest request, SourceDescription source) throws SQLException {
        Integer srid = request.crs();
        DeclaredCrs declared = source.crs();
        if (srid == null) {
            srid = declared.epsg();
        }
        if (srid == null && declared.wkt() != null) {
            srid = PrjIdentifier.identify(declared.wkt()).orElseThrow(() -> new ImportFailure(
                    "座標系（" + declared.declaredAs() + "）を EPSG コードに特定できませんでした。座標系を EPSG コードで指定してください"
                            + "（例: EPSG:6668 は JGD2011 経緯度、EPSG:6670 は平面直角座標系 II 系）。定義: " + abbreviate(declared.wkt())));
        }
        if (srid == null) {
            throw new ImportFailure(declared.isMissing()
                    ? source.fileName() + " には座標系の情報（.prj など）がありません。座標系を EPSG コードで指定してください"
                    + "（例: EPSG:6668 は JGD2011 経緯度、EPSG:6670 は平面直角座標系 II 系）"
                    : source.fileName() + " の座標系「" + declared.declaredAs() + "」が分かりません。座標系を EPSG コードで指定してください");
        }
        try (PreparedStatement known = connection.prepareStatement(
                "SELECT 1 FROM spatial_ref_sys WHERE srid = ? AND auth_name = 'EPSG'")) {
            known.setInt(1, srid);
            try (ResultSet result = known.executeQuery()) {
                if (!result.next()) {
                    throw new ImportFailure("EPSG:" + srid + " はこのデータベースの座標系一覧にないため変換できません");
                }
            }
        }
        return srid;
    }

    private Layer lockLayer(Connection connection, ImportRequest request, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO geo_layer (kind, name, hazard_type, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (kind, name) DO NOTHING""")) {
            insert.setString(1, request.kind().name());
            insert.setString(2, request.layerName().strip());
            insert.setString(3, request.kind() == LayerKind.HAZARD ? request.hazardType().name() : null);
            insert.setObject(4, java.sql.Timestamp.from(now));
            insert.executeUpdate();
        }
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT id, hazard_type, current_version_id FROM geo_layer WHERE kind = ? AND name = ? FOR UPDATE")) {
            lock.setString(1, request.kind().name());
            lock.setString(2, request.layerName().strip());
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                String type = row.getString(2);
                if (request.kind() == LayerKind.HAZARD && !request.hazardType().name().equals(type)) {
                    throw new ImportFailure("レイヤー「" + request.layerName() + "」は" + jp.inochi.hazards.model.HazardType.valueOf(type).label()
                            + "のレイヤーです。別の災害種別のデータは別の名前で読み込んでください");
                }
                long current = row.getLong(3);
                boolean none = row.wasNull();
                return new Layer(row.getLong(1), none ? null : current);
            }
        }
    }

    private static void transform(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE import_stage SET geom = ST_Transform(geom, " + STORAGE_SRID + ") WHERE ST_SRID(geom) <> "
                    + STORAGE_SRID);
        }
    }

    /** Everything stored is in Japan: coordinates elsewhere mean the CRS was wrong (a plane CRS read as degrees...). */
    private static void checkExtent(Connection connection, int srid, SourceDescription source) throws SQLException {
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

    private int repair(Connection connection, List<ImportReport.Entry> repaired) throws SQLException {
        int count = 0;
        try (Statement statement = connection.createStatement();
             ResultSet invalid = statement.executeQuery("""
                     UPDATE import_stage SET invalid_reason = ST_IsValidReason(geom)
                     WHERE NOT ST_IsValid(geom)
                     RETURNING feature_index, origin, origin_index, invalid_reason""")) {
            while (invalid.next()) {
                count++;
                add(repaired, new ImportReport.Entry(invalid.getLong(1), invalid.getString(2) + " の " + invalid.getLong(3)
                        + "番目の地物", "不正な図形を修復しました（" + invalid.getString(4) + "）"));
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE import_stage SET geom = ST_CollectionExtract(ST_MakeValid(geom), 3) "
                    + "WHERE invalid_reason IS NOT NULL");
        }
        return count;
    }

    private int skippedAfterRepair(Connection connection, List<ImportReport.Entry> skipped) throws SQLException {
        int count = 0;
        try (Statement statement = connection.createStatement();
             ResultSet empty = statement.executeQuery("""
                     UPDATE import_stage SET skip_reason = '修復すると面積のない図形になりました（' || invalid_reason || '）'
                     WHERE invalid_reason IS NOT NULL AND (ST_IsEmpty(geom) OR ST_Area(geom) = 0)
                     RETURNING feature_index, origin, origin_index, skip_reason""")) {
            while (empty.next()) {
                count++;
                add(skipped, new ImportReport.Entry(empty.getLong(1), empty.getString(2) + " の " + empty.getLong(3)
                        + "番目の地物", empty.getString(4)));
            }
        }
        return count;
    }

    private long newVersion(Connection connection, Layer layer, ImportRequest request, SourceDescription source, int srid,
                            LayerTarget.FeatureMapper mapper, Instant now, long read, long imported, long repaired,
                            long skipped) throws SQLException {
        if (layer.currentVersionId() != null) {
            try (PreparedStatement supersede = connection.prepareStatement(
                    "UPDATE geo_layer_version SET status = 'SUPERSEDED', superseded_at = ? WHERE id = ?")) {
                supersede.setObject(1, java.sql.Timestamp.from(now));
                supersede.setLong(2, layer.currentVersionId());
                supersede.executeUpdate();
            }
        }
        long versionId;
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO geo_layer_version (layer_id, version_no, status, profile, source, licence, credit, file_name,
                    file_format, source_crs, feature_count, imported_count, repaired_count, skipped_count, report,
                    imported_at, imported_by)
                VALUES (?, (SELECT coalesce(max(version_no), 0) + 1 FROM geo_layer_version WHERE layer_id = ?), 'CURRENT',
                    ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}'::jsonb, ?, ?)
                RETURNING id""")) {
            insert.setLong(1, layer.id());
            insert.setLong(2, layer.id());
            insert.setString(3, mapper.profile());
            insert.setString(4, request.source() == null || request.source().isBlank() ? source.fileName() : request.source().strip());
            insert.setString(5, blank(request.licence()));
            insert.setString(6, blank(request.credit()));
            insert.setString(7, source.fileName());
            insert.setString(8, source.format());
            insert.setString(9, "EPSG:" + srid);
            insert.setLong(10, read);
            insert.setLong(11, imported);
            insert.setLong(12, repaired);
            insert.setLong(13, skipped);
            insert.setObject(14, java.sql.Timestamp.from(now));
            if (request.requestedBy() == null) {
                insert.setNull(15, java.sql.Types.BIGINT);
            } else {
                insert.setLong(15, request.requestedBy());
            }
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                versionId = id.getLong(1);
            }
        }
        try (PreparedStatement current = connection.prepareStatement("UPDATE geo_layer SET current_version_id = ? WHERE id = ?")) {
            current.setLong(1, versionId);
            current.setLong(2, layer.id());
            current.executeUpdate();
        }
        return versionId;
    }

    private static int versionNumber(Connection connection, long versionId) throws SQLException {
        return (int) count(connection, "SELECT version_no FROM geo_layer_version WHERE id = " + versionId);
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private void add(List<ImportReport.Entry> entries, ImportReport.Entry entry) {
        if (entries.size() < settings.maxReportedEntries()) {
            entries.add(entry);
        }
    }

    private static List<ImportReport.Entry> sorted(List<ImportReport.Entry> entries) {
        return entries.stream().sorted(Comparator.comparingLong(ImportReport.Entry::featureIndex)).toList();
    }

    private static String attributes(Map<String, Object> attributes) {
        try {
            return ATTRIBUTES.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final int MAX_PROBLEMS_SHOWN = 50;

    private static String problemSummary(List<FeatureProblem> problems) {
        FeatureProblem first = problems.get(0);
        return "属性を読み取れない地物があるため、読み込みを中止しました（" + problems.size() + "件"
                + (problems.size() >= MAX_PROBLEMS_SHOWN ? "以上" : "") + "）。最初の問題: " + first.describe()
                + "。地物を読み落とすと危険な区域が抜けるため、1件でも読めない場合は全体を読み込みません。現在の版はそのままです";
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete the import work directory {}", directory, e);
        }
    }
}
