package jp.inochi.boundaries;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * Which municipality (and ward) each home lies in according to the current boundary layers, and whether that
 * contradicts the municipality the family stated (mismatch: MUNICIPALITY, WARD, or OUTSIDE every area).
 * Set-based SQL, as for exposure.
 */
@Singleton
public class HouseholdPlaces {
    private static final String RECOMPUTE = """
            WITH layers AS (
                SELECT l.current_version_id AS version_id FROM geo_layer l
                WHERE l.kind = 'BOUNDARY' AND l.current_version_id IS NOT NULL
            ),
            targets AS (
                SELECT h.id, h.location, h.municipality_code, h.ward_code
                FROM household h WHERE h.location IS NOT NULL AND (%s)
            ),
            found AS (
                SELECT t.*,
                       (SELECT p.municipality_code FROM admin_area_part p
                        WHERE p.version_id IN (SELECT version_id FROM layers) AND p.geom && t.location
                          AND ST_Intersects(p.geom, t.location)
                        ORDER BY p.municipality_code = t.municipality_code DESC, p.area_id LIMIT 1) AS located_municipality,
                       (SELECT p.ward_code FROM admin_area_part p
                        WHERE p.version_id IN (SELECT version_id FROM layers) AND p.ward_code IS NOT NULL
                          AND p.geom && t.location AND ST_Intersects(p.geom, t.location)
                        ORDER BY p.ward_code = t.ward_code DESC, p.area_id LIMIT 1) AS located_ward
                FROM targets t
            ),
            judged AS (
                SELECT f.*,
                       CASE WHEN f.located_municipality IS NULL THEN
                                CASE WHEN f.municipality_code IS NOT NULL THEN 'OUTSIDE' END
                            WHEN f.located_municipality IS DISTINCT FROM f.municipality_code THEN 'MUNICIPALITY'
                            WHEN f.located_ward IS NOT NULL AND f.ward_code IS NOT NULL AND f.located_ward <> f.ward_code THEN 'WARD'
                       END AS reason
                FROM found f
            )
            INSERT INTO household_place AS p (household_id, located_municipality_code, located_ward_code, mismatch,
                mismatch_reason, boundary_version_ids, location, stated_municipality_code, stated_ward_code, evaluated_at)
            SELECT j.id, j.located_municipality, j.located_ward, j.reason IS NOT NULL, j.reason,
                   ARRAY(SELECT version_id FROM layers ORDER BY 1), j.location, j.municipality_code, j.ward_code, ?
            FROM judged j
            WHERE EXISTS (SELECT 1 FROM layers)
            ON CONFLICT (household_id) DO UPDATE SET
                located_municipality_code = EXCLUDED.located_municipality_code,
                located_ward_code = EXCLUDED.located_ward_code, mismatch = EXCLUDED.mismatch,
                mismatch_reason = EXCLUDED.mismatch_reason, boundary_version_ids = EXCLUDED.boundary_version_ids,
                location = EXCLUDED.location, stated_municipality_code = EXCLUDED.stated_municipality_code,
                stated_ward_code = EXCLUDED.stated_ward_code, evaluated_at = EXCLUDED.evaluated_at
            """;

    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    HouseholdPlaces(TransactionOperations<Connection> transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    public int recomputeAll() {
        return run("true");
    }

    public int recomputeHousehold(long householdId) {
        transactions.executeWrite(status -> update(status.getConnection(),
                "DELETE FROM household_place p USING household h WHERE p.household_id = h.id AND h.id = ? AND h.location IS NULL",
                householdId));
        return run("h.id = ?", householdId);
    }

    /** Homes moved or stated differently since they were placed, or not placed yet. */
    public int refreshStale() {
        int removed = transactions.executeWrite(status -> update(status.getConnection(),
                "DELETE FROM household_place p USING household h WHERE p.household_id = h.id AND h.location IS NULL"));
        return removed + run("""
                NOT EXISTS (SELECT 1 FROM household_place p WHERE p.household_id = h.id AND p.location ~= h.location
                            AND p.stated_municipality_code IS NOT DISTINCT FROM h.municipality_code
                            AND p.stated_ward_code IS NOT DISTINCT FROM h.ward_code)""");
    }

    private int run(String targets, Object... parameters) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(RECOMPUTE.formatted(targets))) {
                int i = 1;
                for (Object parameter : parameters) {
                    statement.setObject(i++, parameter);
                }
                statement.setTimestamp(i, Timestamp.from(clock.instant()));
                return statement.executeUpdate();
            }
        });
    }

    private static int update(Connection connection, String sql, Object... parameters) throws java.sql.SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
