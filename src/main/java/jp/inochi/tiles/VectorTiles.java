package jp.inochi.tiles;

import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.hazards.model.Legend;

/**
 * Hazard tiles made by PostGIS (ST_AsMVT) in web mercator tile coordinates: the current zones with their type,
 * severity, label and legend colour. Household tiles are {@link HouseholdTiles}.
 */
@Singleton
public class VectorTiles {
    /** Parameters: z, x, y, hazard types (text[] or null, twice). */
    public static final String HAZARDS = """
            WITH bounds AS (SELECT ST_TileEnvelope(?, ?, ?) AS env),
            tile AS (
                SELECT z.id, z.hazard_type, t.label AS hazard_label, z.severity, z.severity_label AS label,
                       z.phenomenon, l.id AS layer_id, l.name AS layer, %s AS colour,
                       ST_AsMVTGeom(ST_Transform(z.geom, 3857), b.env, 4096, 64, true) AS geom
                FROM bounds b
                JOIN hazard_zone z ON z.geom && ST_Transform(b.env, 6668)
                JOIN geo_layer l ON l.current_version_id = z.version_id
                JOIN hazard_type t ON t.code = z.hazard_type
                WHERE (?::text[] IS NULL OR z.hazard_type = ANY (?::text[]))
                ORDER BY t.display_order, z.severity, z.id
            )
            SELECT ST_AsMVT(tile, 'hazards', 4096, 'geom', 'id') FROM tile WHERE geom IS NOT NULL""".formatted(colourCase());

    private final ConnectionOperations<Connection> connections;

    VectorTiles(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    /** The tile's bytes with the households it shows (empty for hazard tiles). */
    public record Tile(byte[] bytes, List<HouseholdAccess> households) {
        public boolean isEmpty() {
            return bytes == null || bytes.length == 0;
        }
    }

    /** The current versions of the hazard layers: part of every cached tile's key. */
    static final String HAZARD_VERSIONS = """
            SELECT coalesce(string_agg(current_version_id::text, ',' ORDER BY current_version_id), '')
            FROM geo_layer WHERE kind = 'HAZARD'""";

    /** The versions and the tile made from them, in one round trip and one snapshot. Parameters as {@link #HAZARDS}. */
    static final String HAZARDS_WITH_VERSIONS = "SELECT (" + HAZARD_VERSIONS + "), (" + HAZARDS + ")";

    /** 32 MB: about 4,000 tiles of the mean size over 人吉 at z14, more than a prefecture's officers pan through. */
    private static final long CACHE_BYTES = 32L * 1024 * 1024;

    private final HazardTileCache cache = new HazardTileCache(CACHE_BYTES);
    /** The versions last read: a tile kept under them is checked with the version read alone. */
    private volatile String lastVersions = "";

    /**
     * One round trip either way, on a pooled connection without a transaction around it (a single read each): a
     * tile kept under the versions last read costs the version read; any other tile is made by one statement that
     * also returns the versions it was made from, which key it. A new version is seen in the very next tile.
     */
    public Tile hazards(int z, int x, int y, List<HazardType> types) {
        String[] names = types.isEmpty() ? null : types.stream().map(Enum::name).toArray(String[]::new);
        String typeKey = names == null ? "" : String.join(",", names);
        byte[] bytes = connections.execute(ConnectionDefinition.DEFAULT, status -> {
            Connection connection = status.getConnection();
            String versions = lastVersions;
            byte[] kept = cache.kept(new HazardTileCache.Key(versions, z, x, y, typeKey));
            if (kept != null) {
                String current = currentVersions(connection);
                if (current.equals(versions)) {
                    return kept;
                }
                lastVersions = current;
            }
            VersionedTile made = hazardTile(connection, z, x, y, names);
            lastVersions = made.versions();
            return cache.keep(new HazardTileCache.Key(made.versions(), z, x, y, typeKey), made.bytes());
        });
        return new Tile(bytes, List.of());
    }

    private record VersionedTile(String versions, byte[] bytes) {
    }

    private static String currentVersions(Connection connection) {
        try (PreparedStatement select = connection.prepareStatement(HAZARD_VERSIONS);
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static VersionedTile hazardTile(Connection connection, int z, int x, int y, String[] names) {
        try (PreparedStatement select = connection.prepareStatement(HAZARDS_WITH_VERSIONS)) {
            select.setInt(1, z);
            select.setInt(2, x);
            select.setInt(3, y);
            select.setArray(4, names == null ? null : connection.createArrayOf("text", names));
            select.setArray(5, names == null ? null : connection.createArrayOf("text", names));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new VersionedTile(row.getString(1), row.getBytes(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The legend colour of each (type, severity) as a SQL CASE over hazard_zone z. */
    private static String colourCase() {
        StringBuilder sql = new StringBuilder("CASE");
        for (HazardType type : HazardType.values()) {
            for (int severity = 1; severity <= type.maxSeverity(); severity++) {
                sql.append(" WHEN z.hazard_type = '").append(type.name()).append("' AND z.severity = ").append(severity)
                        .append(" THEN '").append(Legend.colour(type, severity)).append("'");
            }
        }
        return sql.append(" END").toString();
    }
}
