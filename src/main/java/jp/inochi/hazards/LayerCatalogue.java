package jp.inochi.hazards;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.inochi.layers.LayerKind;
import jp.inochi.hazards.model.HazardType;

/** The layers and their versions: what was imported, from which source, under which licence, when, and how much. */
@Singleton
public class LayerCatalogue {
    private final TransactionOperations<Connection> transactions;

    LayerCatalogue(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Serdeable
    public record Version(long id, int versionNo, String status, String profile, String source, @Nullable String licence,
                          @Nullable String credit, String fileName, String fileFormat, String sourceCrs, int featureCount,
                          int importedCount, int repairedCount, int skippedCount, Instant importedAt,
                          @Nullable Instant supersededAt) {
    }

    @Serdeable
    public record Layer(long id, LayerKind kind, String name, @Nullable HazardType hazardType, @Nullable String hazardTypeLabel,
                        Instant createdAt, @Nullable Version current, @Nullable List<Version> versions) {
    }

    public List<Layer> current(LayerKind kind) {
        return transactions.executeRead(status -> {
            List<Layer> layers = new ArrayList<>();
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT id, kind, name, hazard_type, created_at, current_version_id FROM geo_layer WHERE kind = ? "
                            + "ORDER BY hazard_type NULLS FIRST, name")) {
                select.setString(1, kind.name());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        layers.add(layer(status.getConnection(), rows, false));
                    }
                }
            }
            return layers;
        });
    }

    public Optional<Layer> find(long id) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT id, kind, name, hazard_type, created_at, current_version_id FROM geo_layer WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(layer(status.getConnection(), rows, true)) : Optional.<Layer>empty();
                }
            }
        });
    }

    private static Layer layer(Connection connection, ResultSet row, boolean withHistory) throws SQLException {
        long id = row.getLong(1);
        String type = row.getString(4);
        HazardType hazardType = type == null ? null : HazardType.valueOf(type);
        List<Version> versions = versions(connection, id);
        Version current = versions.stream().filter(version -> version.status().equals("CURRENT")).findFirst().orElse(null);
        return new Layer(id, LayerKind.valueOf(row.getString(2)), row.getString(3), hazardType,
                hazardType == null ? null : hazardType.label(), row.getTimestamp(5).toInstant(), current,
                withHistory ? versions : null);
    }

    private static List<Version> versions(Connection connection, long layerId) throws SQLException {
        List<Version> versions = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, version_no, status, profile, source, licence, credit, file_name, file_format, source_crs,
                       feature_count, imported_count, repaired_count, skipped_count, imported_at, superseded_at
                FROM geo_layer_version WHERE layer_id = ? ORDER BY version_no DESC""")) {
            select.setLong(1, layerId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    versions.add(new Version(row.getLong(1), row.getInt(2), row.getString(3), row.getString(4),
                            row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                            row.getString(10), row.getInt(11), row.getInt(12), row.getInt(13), row.getInt(14),
                            row.getTimestamp(15).toInstant(),
                            row.getTimestamp(16) == null ? null : row.getTimestamp(16).toInstant()));
                }
            }
        }
        return versions;
    }
}
