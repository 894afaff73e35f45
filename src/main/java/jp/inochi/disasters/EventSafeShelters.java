package jp.inochi.disasters;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import jp.inochi.platform.database.PlannerStatistics;
import jp.inochi.hazards.model.HazardType;

/**
 * The shelters that are safe in an event, found once in one set-based statement and kept in
 * {@code disaster_event_safe_shelter}: 福祉避難所 candidates and 指定避難所 of the current shelter layers that lie in
 * no current zone the event avoids ({@link SheltersInReach.Avoided}). Computed when the event is declared and when its
 * area is evaluated again; a read finds them stale, and computes them again, when the avoided hazards or any current
 * hazard or shelter layer version differ from what they were computed from (a layer replaced, added or imported).
 */
@Singleton
class EventSafeShelters {
    /**
     * Every shelter outside the avoided zones (the GiST index on the zone parts finds the zones at each shelter).
     * Parameters: event id, avoided types, their minimum severities.
     */
    static final String SAFE = """
            SELECT ?::bigint, s.id
            FROM shelter s JOIN geo_layer_version v ON v.id = s.version_id AND v.status = 'CURRENT'
            WHERE (s.welfare_candidate OR s.category = 'EVACUATION_SHELTER')
              AND NOT EXISTS (SELECT 1 FROM hazard_zone_part pt
                              JOIN geo_layer_version pv ON pv.id = pt.version_id AND pv.status = 'CURRENT'
                              JOIN unnest(?::text[], ?::int[]) AS avoid(hazard_type, min_severity)
                                ON avoid.hazard_type = pt.hazard_type AND pt.severity >= avoid.min_severity
                              WHERE ST_Intersects(pt.geom, s.geom))""";

    /** The current hazard and shelter layer versions: what the safe shelters depend on besides the event. */
    private static final String LAYER_VERSIONS = """
            (SELECT coalesce(array_agg(v.id ORDER BY v.id), '{}') FROM geo_layer_version v
             JOIN geo_layer l ON l.id = v.layer_id WHERE v.status = 'CURRENT' AND l.kind IN ('HAZARD', 'SHELTER'))""";

    /** Whether they were computed for the hazards avoided now and the layers current now; parameters: types, minimums, event. */
    static final String FRESH = """
            SELECT b.avoided_types = ?::text[] AND b.min_severities = ?::int[] AND b.layer_versions = %s
            FROM disaster_event_safe_shelter_basis b WHERE b.event_id = ?""".formatted(LAYER_VERSIONS);

    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    EventSafeShelters(TransactionOperations<Connection> transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Makes sure the event's safe shelters match the layers current now: a small read unless they are stale. */
    void ensureCurrent(DisasterEvent event) {
        boolean fresh = transactions.executeRead(status -> fresh(status.getConnection(), event));
        if (!fresh) {
            transactions.executeWrite(status -> {
                Connection connection = status.getConnection();
                // two readers finding them stale at once compute them once
                try (PreparedStatement lock = connection.prepareStatement(
                        "SELECT pg_advisory_xact_lock(hashtext('disaster_event_safe_shelter'), ?::int)")) {
                    lock.setLong(1, event.id());
                    lock.execute();
                }
                if (!fresh(connection, event)) {
                    compute(connection, event);
                }
                return null;
            });
        }
    }

    /** Computes the event's safe shelters from the layers current now, in the caller's transaction. */
    void compute(Connection connection, DisasterEvent event) throws SQLException {
        SheltersInReach.Avoided avoided = avoided(connection, event);
        EventStatements.update(connection, "DELETE FROM disaster_event_safe_shelter WHERE event_id = ?", event.id());
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO disaster_event_safe_shelter (event_id, shelter_id) " + SAFE)) {
            insert.setLong(1, event.id());
            insert.setArray(2, connection.createArrayOf("text", avoided.types().toArray()));
            insert.setArray(3, connection.createArrayOf("integer", avoided.minimums().toArray()));
            // planned on stale statistics, the lists' shelter search measured every safe shelter from every home
            // (49 s instead of 0.3 s for the prefecture's 6,380 homes) instead of searching around each home
            PlannerStatistics.refreshIfChangedMuch(connection, "disaster_event_safe_shelter", insert.executeUpdate());
        }
        try (PreparedStatement basis = connection.prepareStatement("""
                INSERT INTO disaster_event_safe_shelter_basis (event_id, avoided_types, min_severities, layer_versions,
                                                              computed_at)
                VALUES (?, ?, ?, %s, ?)
                ON CONFLICT (event_id) DO UPDATE SET avoided_types = excluded.avoided_types,
                    min_severities = excluded.min_severities, layer_versions = excluded.layer_versions,
                    computed_at = excluded.computed_at""".formatted(LAYER_VERSIONS))) {
            basis.setLong(1, event.id());
            basis.setArray(2, connection.createArrayOf("text", avoided.types().toArray()));
            basis.setArray(3, connection.createArrayOf("integer", avoided.minimums().toArray()));
            basis.setTimestamp(4, Timestamp.from(clock.instant()));
            basis.executeUpdate();
        }
    }

    private static boolean fresh(Connection connection, DisasterEvent event) throws SQLException {
        SheltersInReach.Avoided avoided = avoided(connection, event);
        try (PreparedStatement select = connection.prepareStatement(FRESH)) {
            select.setArray(1, connection.createArrayOf("text", avoided.types().toArray()));
            select.setArray(2, connection.createArrayOf("integer", avoided.minimums().toArray()));
            select.setLong(3, event.id());
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private static SheltersInReach.Avoided avoided(Connection connection, DisasterEvent event) throws SQLException {
        HazardType areaHazard = EventHouseholds.areaHazard(connection, event);
        return SheltersInReach.Avoided.of(EventHouseholds.threats(event, areaHazard), areaHazard, event.areaMinSeverity());
    }
}
