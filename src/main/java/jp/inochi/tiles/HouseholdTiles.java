package jp.inochi.tiles;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.AccessScope;
import jp.inochi.audit.HouseholdAccess;

/**
 * Household tiles: only the homes the viewer may see (household_access_basis), with no names, and which ones they
 * held so the read can be audited. From zoom {@link #CLUSTER_BELOW_ZOOM} in, each home is a feature of its own;
 * further out, homes sharing a cell of the tile's grid become one feature of layer {@code clusters} with their count,
 * so a prefecture is a few hundred markers rather than thousands. A cluster counts only homes the viewer may see.
 */
@Singleton
public class HouseholdTiles {
    /** Zoom 14 shows a town's streets; outside it, homes are grouped. */
    public static final int CLUSTER_BELOW_ZOOM = 14;
    /** Cells per tile side: 32 px cells on a 256 px tile, about a marker's reach. */
    static final int CELLS = 8;

    /** The worst exposure of each home, per type and overall, over household_hazard_exposure e / hazard_type t. */
    private static final String EXPOSURES = """
            max(CASE WHEN e.status = 'IN_ZONE' THEN e.severity::float8 / t.max_severity END) AS risk,
                   max(e.severity) FILTER (WHERE e.hazard_type = 'FLOOD') AS flood,
                   max(e.severity) FILTER (WHERE e.hazard_type = 'LANDSLIDE') AS landslide,
                   max(e.severity) FILTER (WHERE e.hazard_type = 'TSUNAMI') AS tsunami,
                   max(e.severity) FILTER (WHERE e.hazard_type = 'STORM_SURGE') AS storm_surge,
                   coalesce(bool_or(e.status = 'NEAR'), false) AS near_landslide""";

    /** Parameters: z, x, y and the scope, twice. Each home on its own. */
    static final String HOMES = """
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
                       %s,
                       v.geom
                FROM visible v
                LEFT JOIN household_hazard_exposure e ON e.household_id = v.id
                LEFT JOIN hazard_type t ON t.code = e.hazard_type
                WHERE v.geom IS NOT NULL
                GROUP BY v.id, v.ventilator_dependent, v.geom
            )
            SELECT (SELECT ST_AsMVT(tile, 'households', 4096, 'geom', 'id') FROM tile),
                   (SELECT array_agg(v.id ORDER BY v.id) FROM visible v WHERE v.geom IS NOT NULL),
                   (SELECT array_agg(v.basis ORDER BY v.id) FROM visible v WHERE v.geom IS NOT NULL)""".formatted(EXPOSURES);

    /**
     * Parameters: z, x, y and the scope, once. A home belongs to the one tile whose envelope holds it (no margin), so
     * no home is counted in two tiles; alone in its cell it stays a home, else its cell's cluster holds it.
     */
    static final String CLUSTERED = """
            WITH bounds AS (SELECT ST_TileEnvelope(?, ?, ?) AS env),
            inside AS (
                SELECT * FROM (
                    SELECT h.id, household_access_basis(h, ?, ?, ?, ?) AS basis, h.ventilator_dependent, p.p,
                           floor((ST_X(p.p) - ST_XMin(b.env)) / (ST_XMax(b.env) - ST_XMin(b.env)) * %1$d)::int AS cx,
                           floor((ST_YMax(b.env) - ST_Y(p.p)) / (ST_YMax(b.env) - ST_YMin(b.env)) * %1$d)::int AS cy
                    FROM bounds b
                    JOIN household h ON h.location && ST_Transform(b.env, 6668)
                    CROSS JOIN LATERAL (SELECT ST_Transform(h.location, 3857) AS p) p
                ) home
                WHERE basis IS NOT NULL AND cx BETWEEN 0 AND %2$d AND cy BETWEEN 0 AND %2$d
            ),
            homes AS (
                SELECT i.id, i.ventilator_dependent, i.p, i.cx, i.cy,
                       %3$s
                FROM inside i
                LEFT JOIN household_hazard_exposure e ON e.household_id = i.id
                LEFT JOIN hazard_type t ON t.code = e.hazard_type
                GROUP BY i.id, i.ventilator_dependent, i.p, i.cx, i.cy
            ),
            counted AS (SELECT homes.*, count(*) OVER (PARTITION BY cx, cy) AS n FROM homes),
            singles AS (
                SELECT c.id, c.ventilator_dependent AS ventilator, c.risk, c.flood, c.landslide, c.tsunami, c.storm_surge,
                       c.near_landslide, ST_AsMVTGeom(c.p, b.env, 4096, 0, true) AS geom
                FROM counted c CROSS JOIN bounds b
                WHERE c.n = 1
            ),
            cells AS (
                SELECT count(*) AS households, count(*) FILTER (WHERE c.ventilator_dependent) AS ventilators,
                       max(c.risk) AS risk, max(c.flood) AS flood, max(c.landslide) AS landslide, max(c.tsunami) AS tsunami,
                       max(c.storm_surge) AS storm_surge, bool_or(c.near_landslide) AS near_landslide,
                       ST_Centroid(ST_Collect(c.p)) AS centre
                FROM counted c
                WHERE c.n > 1
                GROUP BY c.cx, c.cy
            ),
            clusters AS (
                SELECT s.households, s.ventilators, s.risk, s.flood, s.landslide, s.tsunami, s.storm_surge, s.near_landslide,
                       ST_AsMVTGeom(s.centre, b.env, 4096, 0, true) AS geom
                FROM cells s CROSS JOIN bounds b
            )
            SELECT coalesce((SELECT ST_AsMVT(singles, 'households', 4096, 'geom', 'id') FROM singles), ''::bytea)
                   || coalesce((SELECT ST_AsMVT(clusters, 'clusters', 4096, 'geom') FROM clusters), ''::bytea),
                   (SELECT array_agg(i.id ORDER BY i.id) FROM inside i),
                   (SELECT array_agg(i.basis ORDER BY i.id) FROM inside i)""".formatted(CELLS, CELLS - 1, EXPOSURES);

    private final TransactionOperations<Connection> transactions;

    HouseholdTiles(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** The tile with every home it counts, alone or in a cluster: each one is read, and audited as such. */
    public VectorTiles.Tile households(int z, int x, int y, AccessScope scope) {
        boolean clustered = z < CLUSTER_BELOW_ZOOM;
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(clustered ? CLUSTERED : HOMES)) {
                int i = 1;
                for (int round = 0; round < (clustered ? 1 : 2); round++) {
                    select.setInt(i++, z);
                    select.setInt(i++, x);
                    select.setInt(i++, y);
                    i = scope.bind(select, i);
                }
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return new VectorTiles.Tile(row.getBytes(1), shown(row));
                }
            }
        });
    }

    private static List<HouseholdAccess> shown(ResultSet row) throws SQLException {
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
        return shown;
    }
}
