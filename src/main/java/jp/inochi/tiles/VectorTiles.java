package jp.inochi.tiles;

import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.AccessScope;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.hazards.model.Legend;

/**
 * Mapbox vector tiles made by PostGIS (ST_AsMVT) in web mercator tile coordinates. Hazard tiles hold the current
 * zones with their type, severity, label and legend colour; household tiles hold only the homes the viewer may
 * see (household_access_basis), with no names, and say which ones they held so the read can be audited.
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

    static final String HOUSEHOLDS = """
            WITH bounds AS (SELECT ST_TileEnvelope(?, ?, ?) AS env),
            visible AS (
                SELECT h.id, household_access_basis(h, ?, ?, ?, ?) AS basis, h.ventilator_dependent,
                       ST_AsMVTGeom(ST_Transform(h.location, 3857), b.env, 4096, 64, true) AS geom
                FROM bounds b
                JOIN household h ON h.location && ST_Transform(ST_TileEnvelope(?, ?, ?, margin => 64.0 / 4096), 6668)
                WHERE household_access_basis(h, ?, ?, ?, ?) IS NOT NULL
            ),
            tile AS (
                SELECT v.id, v.ventilator_dependent AS ventilator,
                       max(CASE WHEN e.status = 'IN_ZONE' THEN e.severity::float8 / t.max_severity END) AS risk,
                       max(e.severity) FILTER (WHERE e.hazard_type = 'FLOOD') AS flood,
                       max(e.severity) FILTER (WHERE e.hazard_type = 'LANDSLIDE') AS landslide,
                       max(e.severity) FILTER (WHERE e.hazard_type = 'TSUNAMI') AS tsunami,
                       max(e.severity) FILTER (WHERE e.hazard_type = 'STORM_SURGE') AS storm_surge,
                       coalesce(bool_or(e.status = 'NEAR'), false) AS near_landslide,
                       v.geom
                FROM visible v
                LEFT JOIN household_hazard_exposure e ON e.household_id = v.id
                LEFT JOIN hazard_type t ON t.code = e.hazard_type
                WHERE v.geom IS NOT NULL
                GROUP BY v.id, v.ventilator_dependent, v.geom
            )
            SELECT (SELECT ST_AsMVT(tile, 'households', 4096, 'geom', 'id') FROM tile),
                   (SELECT array_agg(v.id ORDER BY v.id) FROM visible v WHERE v.geom IS NOT NULL),
                   (SELECT array_agg(v.basis ORDER BY v.id) FROM visible v WHERE v.geom IS NOT NULL)""";

    private final TransactionOperations<Connection> transactions;
    private final ConnectionOperations<Connection> connections;

    VectorTiles(TransactionOperations<Connection> transactions, ConnectionOperations<Connection> connections) {
        this.transactions = transactions;
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

    /** 32 MB: about 4,000 tiles of the mean size over 人吉 at z14, more than a prefecture's officers pan through. */
    private static final long CACHE_BYTES = 32L * 1024 * 1024;

    private final HazardTileCache cache = new HazardTileCache(CACHE_BYTES);

    /**
     * From the cache while the hazard layers keep their versions, else made by one statement; both on a pooled
     * connection without a transaction around it (each is a single read, and a transaction would cost four more
     * round trips than the query itself on small tiles).
     */
    public Tile hazards(int z, int x, int y, List<HazardType> types) {
        return connections.execute(ConnectionDefinition.DEFAULT, status -> {
            Connection connection = status.getConnection();
            String[] names = types.isEmpty() ? null : types.stream().map(Enum::name).toArray(String[]::new);
            HazardTileCache.Key key = new HazardTileCache.Key(currentVersions(connection), z, x, y,
                    names == null ? "" : String.join(",", names));
            return new Tile(cache.get(key, () -> hazardTile(connection, z, x, y, names)), List.of());
        });
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

    private static byte[] hazardTile(Connection connection, int z, int x, int y, String[] names) {
        try (PreparedStatement select = connection.prepareStatement(HAZARDS)) {
            select.setInt(1, z);
            select.setInt(2, x);
            select.setInt(3, y);
            select.setArray(4, names == null ? null : connection.createArrayOf("text", names));
            select.setArray(5, names == null ? null : connection.createArrayOf("text", names));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Tile households(int z, int x, int y, AccessScope scope) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(HOUSEHOLDS)) {
                int i = 1;
                for (int round = 0; round < 2; round++) {
                    select.setInt(i++, z);
                    select.setInt(i++, x);
                    select.setInt(i++, y);
                    i = scope(select, i, scope);
                }
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    List<HouseholdAccess> shown = new ArrayList<>();
                    java.sql.Array ids = row.getArray(2);
                    java.sql.Array bases = row.getArray(3);
                    if (ids != null) {
                        Long[] idValues = (Long[]) ids.getArray();
                        String[] basisValues = (String[]) bases.getArray();
                        for (int k = 0; k < idValues.length; k++) {
                            shown.add(new HouseholdAccess(idValues[k], AccessBasis.valueOf(basisValues[k])));
                        }
                    }
                    return new Tile(row.getBytes(1), shown);
                }
            }
        });
    }

    private static int scope(PreparedStatement statement, int first, AccessScope scope) throws SQLException {
        statement.setString(first, scope.roleName());
        statement.setString(first + 1, scope.municipalityCode());
        statement.setString(first + 2, scope.wardCode());
        statement.setTimestamp(first + 3, Timestamp.from(scope.at()));
        return first + 4;
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
