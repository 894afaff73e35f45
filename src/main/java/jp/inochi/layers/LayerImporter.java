package jp.inochi.layers;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.inochi.layers.reading.FeatureReader;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.layers.reading.SourceDescription;
import jp.inochi.layers.reading.SourceFiles;
import jp.inochi.layers.reading.UnreadableFileException;
import jp.inochi.layers.reading.WorkDirectory;
import jp.inochi.layers.reading.crs.CrsRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a file as a new version of a layer, in one transaction: pass 1 describes the file and settles its CRS;
 * pass 2 stages the features ({@link FeatureStaging}): read on one thread, validated and repaired
 * ({@link GeometryRepair}) with JTS on others, copied on this one ({@link FeaturePipeline}), and checked again with
 * PostGIS in the pass that transforms them to EPSG:6668; then the version is published and made current
 * ({@link LayerVersions}). Any failure rolls everything back, so the previous version stays current and nothing is
 * half-written.
 */
@Singleton
public class LayerImporter {
    private static final Logger LOG = LoggerFactory.getLogger(LayerImporter.class);
    private static final String EXAMPLES = "（例: EPSG:6668 は JGD2011 経緯度、EPSG:6670 は平面直角座標系 II 系。"
            + "「6670」や urn:ogc:def:crs:EPSG::6670 の形でも指定できます）";
    private static final CrsRules.Asking ASKING = new CrsRules.Asking(
            "読み込み画面の「座標系」欄（API ではフォーム項目 crs）に EPSG コードを指定して、もう一度読み込んでください", EXAMPLES,
            true, ImportFailure::new);

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
        return importFiles(request, files, progress, ImportTraces.none());
    }

    /** The same, with its temporary files and database session where {@code traces} says. */
    public ImportReport importFiles(ImportRequest request, List<InputFile> files, ImportProgress progress,
                                    ImportTraces traces) throws IOException {
        long started = System.nanoTime();
        LayerTarget target = targets.get(request.kind());
        if (request.layerName() == null || request.layerName().isBlank()) {
            throw new ImportFailure("レイヤー名を入力してください");
        }
        SourceFiles.Options options = new SourceFiles.Options(request.entry(), request.table(), request.encoding(),
                settings.unzipLimits());
        try (WorkDirectory work = WorkDirectory.create(traces.workParent(), "inochi-import-");
             FeatureReader reader = SourceFiles.open(files, options, work.path())) {
            SourceDescription source = reader.describeFeatures();
            return transactions.executeWrite(status -> {
                try {
                    nameSession(status.getConnection(), traces.sessionName());
                    return write(status.getConnection(), request, target, reader, source, progress, started);
                } catch (SQLException e) {
                    LOG.error("Import of layer '{}' failed in the database", request.kind(), e);
                    // the database's English stays in the log; the person learns what it means for the layer
                    throw new ImportFailure("データベースへの登録中にエラーが起きたため、読み込みを中止しました。現在の版はそのままです");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UnreadableFileException e) {
            throw new ImportFailure(e.getMessage());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Names the session until the transaction ends (pg_stat_activity shows it), so a recovery can find it. */
    private static void nameSession(Connection connection, String name) throws SQLException {
        if (name != null) {
            try (PreparedStatement set = connection.prepareStatement("SELECT set_config('application_name', ?, true)")) {
                set.setString(1, name);
                set.execute();
            }
        }
    }

    private ImportReport write(Connection connection, ImportRequest request, LayerTarget target, FeatureReader reader,
                               SourceDescription source, ImportProgress progress, long started)
            throws SQLException, IOException {
        int srid = CrsRules.sourceSrid(connection, source, request.crs(), ASKING);
        Instant now = clock.instant();
        LayerVersions.Layer layer = LayerVersions.lock(connection, request, target, now);
        LayerTarget.FeatureMapper mapper = target.bind(request, source, connection);
        FeatureStaging staging = new FeatureStaging(connection, target, mapper, settings, progress);
        long total = source.featureCount();
        FeatureStaging.Staged staged = staging.stage(reader, total, srid);
        progress.update(ImportProgress.Phase.VALIDATING, staged.read(), total);
        if (target.polygons() && srid != FeatureStaging.STORAGE_SRID) {
            // validated and repaired in the file's CRS while reading; a transformation could in rare cases bend a
            // ring across another, so transformed areas are checked again where they are stored, in the same pass
            GeometryRepair.transformAndRepair(connection, FeatureStaging.STORAGE_SRID, staged.repaired());
        } else if (srid != FeatureStaging.STORAGE_SRID) {
            staging.transform();
        }
        staging.checkExtent(srid, source);
        GeometryRepair.skipEmptied(connection, staged.skipped());
        long imported = staging.importable();
        if (imported == 0) {
            throw new ImportFailure("読み込める地物が1件もありませんでした（" + staged.read() + "件を読み、"
                    + staged.skipped().count() + "件を除外）");
        }
        progress.update(ImportProgress.Phase.PUBLISHING, staged.read(), total);
        LayerVersions.Counts counts = new LayerVersions.Counts(staged.read(), imported, staged.repaired().count(),
                staged.skipped().count());
        LayerVersions.Published published = LayerVersions.publish(connection, layer, request, target, source, srid,
                mapper.profile(), now, counts, progress, total);
        ImportReport report = report(connection, request, source, srid, mapper, staged, counts, published, started);
        LayerVersions.keepReport(connection, published.version().versionId(), json.writeValueAsString(report));
        LOG.info("Imported layer {} version {} ({}): {} features read, {} imported, {} repaired, {} skipped, {} parts",
                layer.id(), published.version().versionId(), request.kind(), counts.read(), counts.imported(),
                counts.repaired(), counts.skipped(), published.parts());
        return report;
    }

    private static ImportReport report(Connection connection, ImportRequest request, SourceDescription source, int srid,
                                       LayerTarget.FeatureMapper mapper, FeatureStaging.Staged staged,
                                       LayerVersions.Counts counts, LayerVersions.Published published, long started)
            throws SQLException {
        List<String> warnings = new ArrayList<>(source.warnings());
        if (request.crs() != null && source.crs().epsg() != null && !request.crs().equals(source.crs().epsg())) {
            warnings.add("ファイルは EPSG:" + source.crs().epsg() + " と宣言していますが、指定された EPSG:" + request.crs() + " として読みました");
        }
        LayerTarget.Version version = published.version();
        return new ImportReport(request.layerName(), request.kind(), request.hazardType(), version.layerId(),
                version.versionId(), LayerVersions.versionNumber(connection, version.versionId()),
                version.previousVersionId(), source.format(), source.fileName(), "EPSG:" + srid, source.crs().declaredAs(),
                mapper.profile(), mapper.fieldsUsed(), counts.read(), counts.imported(), counts.repaired(), counts.skipped(),
                published.parts(), staged.repaired().sorted(), staged.skipped().sorted(), warnings,
                (System.nanoTime() - started) / 1_000_000);
    }
}
