package jp.inochi.layers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import jp.inochi.layers.reading.SourceDescription;

/**
 * Publishing a version, inside the import's transaction: the layer is locked (created on its first import), the new
 * version replaces the current one, the target publishes the staged rows and recomputes what depends on the layer,
 * and the superseded version's data is deleted (its metadata stays). Until the commit, readers see the old version.
 */
final class LayerVersions {

    /** The layer being imported into, locked, with the version that is current until this import commits. */
    record Layer(long id, Long currentVersionId) {
    }

    /** The version made current, and how many parts its data became. */
    record Published(LayerTarget.Version version, long parts) {
    }

    /** What the import counted, recorded with the version. */
    record Counts(long read, long imported, long repaired, long skipped) {
    }

    private LayerVersions() {
    }

    /** Creates the layer on its first import and locks it, so two imports into one layer run one after the other. */
    static Layer lock(Connection connection, ImportRequest request, LayerTarget target, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO geo_layer (kind, name, hazard_type, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (kind, name) DO NOTHING""")) {
            insert.setString(1, request.kind().name());
            insert.setString(2, request.layerName().strip());
            insert.setString(3, request.kind() == LayerKind.HAZARD ? request.hazardType() : null);
            insert.setObject(4, Timestamp.from(now));
            insert.executeUpdate();
        }
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT id, hazard_type, current_version_id FROM geo_layer WHERE kind = ? AND name = ? FOR UPDATE")) {
            lock.setString(1, request.kind().name());
            lock.setString(2, request.layerName().strip());
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                target.continuesLayer(request, row.getString(2));
                long current = row.getLong(3);
                boolean none = row.wasNull();
                return new Layer(row.getLong(1), none ? null : current);
            }
        }
    }

    /** Makes a new version current with the staged rows, and deletes the data of the one it supersedes. */
    static Published publish(Connection connection, Layer layer, ImportRequest request, LayerTarget target,
                             SourceDescription source, int srid, String profile, Instant now, Counts counts,
                             ImportProgress progress, long total) throws SQLException {
        Long previous = layer.currentVersionId();
        long versionId = newVersion(connection, layer, request, source, srid, profile, now, counts);
        LayerTarget.Version version = new LayerTarget.Version(layer.id(), versionId, previous, request.layerName(),
                request.hazardType(), now);
        long parts = target.publish(connection, version);
        progress.update(ImportProgress.Phase.RECOMPUTING, counts.read(), total);
        target.replaced(connection, version, previous);
        if (previous != null) {
            target.deleteData(connection, previous);
        }
        return new Published(version, parts);
    }

    private static long newVersion(Connection connection, Layer layer, ImportRequest request, SourceDescription source,
                                   int srid, String profile, Instant now, Counts counts) throws SQLException {
        if (layer.currentVersionId() != null) {
            try (PreparedStatement supersede = connection.prepareStatement(
                    "UPDATE geo_layer_version SET status = 'SUPERSEDED', superseded_at = ? WHERE id = ?")) {
                supersede.setObject(1, Timestamp.from(now));
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
            insert.setString(3, profile);
            insert.setString(4, request.source() == null || request.source().isBlank() ? source.fileName() : request.source().strip());
            insert.setString(5, blank(request.licence()));
            insert.setString(6, blank(request.credit()));
            insert.setString(7, source.fileName());
            insert.setString(8, source.format());
            insert.setString(9, "EPSG:" + srid);
            insert.setLong(10, counts.read());
            insert.setLong(11, counts.imported());
            insert.setLong(12, counts.repaired());
            insert.setLong(13, counts.skipped());
            insert.setObject(14, Timestamp.from(now));
            if (request.requestedBy() == null) {
                insert.setNull(15, Types.BIGINT);
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

    static int versionNumber(Connection connection, long versionId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT version_no FROM geo_layer_version WHERE id = ?")) {
            select.setLong(1, versionId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return (int) row.getLong(1);
            }
        }
    }

    /** Keeps the import report with the version. */
    static void keepReport(Connection connection, long versionId, String reportJson) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE geo_layer_version SET report = ?::jsonb WHERE id = ?")) {
            update.setString(1, reportJson);
            update.setLong(2, versionId);
            update.executeUpdate();
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
