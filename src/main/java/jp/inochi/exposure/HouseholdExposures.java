package jp.inochi.exposure;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.platform.database.PlannerStatistics;
import jp.inochi.hazards.model.HazardType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code household_hazard_exposure} up to date, always in set-based SQL (one statement per hazard type,
 * whatever the number of households): the highest-severity current zone containing each home, or for landslides
 * a zone within the configured distance (NEAR), or 指定なし. Point-in-polygon runs on the subdivided zone parts.
 */
@Singleton
public class HouseholdExposures {
    private static final Logger LOG = LoggerFactory.getLogger(HouseholdExposures.class);

    /** The households to evaluate, as a predicate on household h. Parameters are bound by name order in Java. */
    private static final String RECOMPUTE = """
            WITH layers AS (
                SELECT l.id AS layer_id, l.current_version_id AS version_id
                FROM geo_layer l
                WHERE l.kind = 'HAZARD' AND l.hazard_type = ? AND l.current_version_id IS NOT NULL
            ),
            targets AS (
                SELECT h.id, h.location FROM household h WHERE h.location IS NOT NULL AND (%1$s)
            ),
            hits AS (
                -- the same households as targets, joined afresh so the planner may drive from either side's index
                SELECT DISTINCT ON (h.id) h.id AS household_id, p.zone_id
                FROM hazard_zone_part p
                JOIN household h ON ST_Intersects(p.geom, h.location)
                WHERE p.version_id IN (SELECT version_id FROM layers) AND h.location IS NOT NULL AND (%1$s)
                ORDER BY h.id, p.severity DESC, p.zone_id
            ),
            near AS (%2$s)
            INSERT INTO household_hazard_exposure AS e (household_id, hazard_type, status, severity, severity_label,
                zone_id, layer_id, layer_version_id, distance_m, location, evaluated_at)
            SELECT t.id, ?,
                   CASE WHEN hits.zone_id IS NOT NULL THEN 'IN_ZONE' WHEN near.zone_id IS NOT NULL THEN 'NEAR'
                        ELSE 'NOT_DESIGNATED' END,
                   CASE WHEN hits.zone_id IS NOT NULL THEN z.severity END,
                   coalesce(z.severity_label, '指定なし'),
                   z.id, v.layer_id, v.id,
                   CASE WHEN hits.zone_id IS NULL THEN near.distance_m END,
                   t.location, ?
            FROM targets t
            LEFT JOIN hits ON hits.household_id = t.id
            LEFT JOIN near ON near.household_id = t.id
            LEFT JOIN hazard_zone z ON z.id = coalesce(hits.zone_id, near.zone_id)
            LEFT JOIN geo_layer_version v ON v.id = z.version_id
            ON CONFLICT (household_id, hazard_type) DO UPDATE SET
                status = EXCLUDED.status, severity = EXCLUDED.severity, severity_label = EXCLUDED.severity_label,
                zone_id = EXCLUDED.zone_id, layer_id = EXCLUDED.layer_id, layer_version_id = EXCLUDED.layer_version_id,
                distance_m = EXCLUDED.distance_m, location = EXCLUDED.location, evaluated_at = EXCLUDED.evaluated_at
            """;

    /** Landslides only: the nearest zone part within the distance, for homes in no zone. */
    private static final String NEAR = """
                SELECT t.id AS household_id, n.zone_id, n.distance_m
                FROM targets t
                LEFT JOIN hits ON hits.household_id = t.id
                CROSS JOIN LATERAL (
                    SELECT p.zone_id, ST_Distance(p.geom::geography, t.location::geography) AS distance_m
                    FROM hazard_zone_part p
                    WHERE p.version_id IN (SELECT version_id FROM layers) AND p.geom && ST_Expand(t.location, ?)
                    ORDER BY 2, 1
                    LIMIT 1) n
                WHERE hits.household_id IS NULL AND n.distance_m <= ?""";
    private static final String NOTHING_NEAR =
            "SELECT NULL::bigint AS household_id, NULL::bigint AS zone_id, NULL::double precision AS distance_m WHERE false";

    private final TransactionOperations<Connection> transactions;
    private final ExposureSettings settings;
    private final Clock clock;
    private final ExposureMeters meters;

    HouseholdExposures(TransactionOperations<Connection> transactions, ExposureSettings settings, Clock clock,
                       ExposureMeters meters) {
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * After a layer got a new version: only the households it can change. Those whose result came from the layer,
     * those near or inside the new version's zones, and those not evaluated for the type yet. The homes near the new
     * zones are one set found once from the parts through the homes' index, not a test per home: the new version is
     * not in the planner's statistics yet (estimated at one part), and a test per home then scanned all its parts
     * for every home (issue 17: minutes for 30,000 homes and the prefecture's 38,101 parts; see benchmarks.md).
     */
    public int recomputeForLayer(HazardType type, long layerId, long versionId) {
        return meters.timed(ExposureMeters.Trigger.LAYER, () -> run(type, """
                h.id IN (SELECT e.household_id FROM household_hazard_exposure e WHERE e.hazard_type = ? AND e.layer_id = ?)
                OR NOT EXISTS (SELECT 1 FROM household_hazard_exposure e WHERE e.household_id = h.id AND e.hazard_type = ?)
                OR h.id IN (SELECT n.id FROM hazard_zone_part p JOIN household n ON n.location && ST_Expand(p.geom, ?)
                            WHERE p.version_id = ?)""",
                type.name(), layerId, type.name(), settings.nearDegrees(), versionId));
    }

    /** One household's home changed: every hazard type, and rows removed if it no longer has a location. */
    public int recomputeHousehold(long householdId) {
        return meters.timed(ExposureMeters.Trigger.HOUSEHOLD, () -> transactions.executeWrite(status -> {
            update(status.getConnection(), "DELETE FROM household_hazard_exposure e USING household h "
                    + "WHERE e.household_id = h.id AND h.id = ? AND h.location IS NULL", householdId);
            int rows = 0;
            for (HazardType type : typesWithLayers(status.getConnection())) {
                rows += run(type, "h.id = ?", householdId);
            }
            return rows;
        }));
    }

    /** Every household for every hazard type with a current layer. */
    public int recomputeAll() {
        return meters.timed(ExposureMeters.Trigger.ALL, () -> transactions.executeWrite(status -> {
            int rows = 0;
            for (HazardType type : typesWithLayers(status.getConnection())) {
                rows += run(type, "true");
            }
            return rows;
        }));
    }

    /**
     * Households whose home moved without an event reaching us (or that are new): rows evaluated at another point,
     * or missing for a hazard type that has a layer. Rows of households without a location are removed.
     */
    public int refreshStale() {
        return meters.timed(ExposureMeters.Trigger.STALE, () -> transactions.executeWrite(status -> {
            int rows = update(status.getConnection(), "DELETE FROM household_hazard_exposure e USING household h "
                    + "WHERE e.household_id = h.id AND h.location IS NULL");
            for (HazardType type : typesWithLayers(status.getConnection())) {
                rows += run(type, "NOT EXISTS (SELECT 1 FROM household_hazard_exposure e WHERE e.household_id = h.id "
                        + "AND e.hazard_type = ? AND e.location ~= h.location)", type.name());
            }
            return rows;
        }));
    }

    private int run(HazardType type, String targets, Object... targetParameters) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            long started = System.nanoTime();
            // one recompute of a type at a time, until its transaction ends: a second one started before the first
            // committed waited on its rows, then wrote what it had computed from the versions current before (or
            // deadlocked on them: issue 17); once the lock is held, the statement reads what the first committed
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT pg_advisory_xact_lock(hashtextextended('household_hazard_exposure ' || ?, 0))")) {
                lock.setString(1, type.name());
                lock.execute();
            }
            boolean near = type == HazardType.LANDSLIDE && settings.landslideNearMetres() > 0;
            try (PreparedStatement statement = connection.prepareStatement(
                    RECOMPUTE.formatted(targets, near ? NEAR : NOTHING_NEAR))) {
                int i = 1;
                statement.setString(i++, type.name());
                for (int copy = 0; copy < 2; copy++) {
                    for (Object parameter : targetParameters) {
                        statement.setObject(i++, parameter);
                    }
                }
                if (near) {
                    statement.setDouble(i++, settings.nearDegrees());
                    statement.setDouble(i++, settings.landslideNearMetres());
                }
                statement.setString(i++, type.name());
                statement.setTimestamp(i, Timestamp.from(clock.instant()));
                int rows = statement.executeUpdate();
                PlannerStatistics.refreshIfChangedMuch(connection, "household_hazard_exposure", rows);
                LOG.debug("Exposure {}: {} households evaluated in {} ms", type, rows, (System.nanoTime() - started) / 1_000_000);
                return rows;
            }
        });
    }

    private static List<HazardType> typesWithLayers(Connection connection) throws SQLException {
        List<HazardType> types = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT DISTINCT l.hazard_type FROM geo_layer l
                WHERE l.kind = 'HAZARD' AND l.current_version_id IS NOT NULL ORDER BY 1""");
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                types.add(HazardType.valueOf(result.getString(1)));
            }
        }
        return types;
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    Instant now() {
        return clock.instant();
    }
}
