package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.inochi.disasters.model.ShelterReach;
import jp.inochi.hazards.model.HazardType;

/**
 * Each home's shelters within reach, all in SQL: the event's safe shelters ({@link EventSafeShelters}: 福祉避難所
 * candidates and 指定避難所 of the current layers outside every hazard the event covers) within the radius by geodesic
 * distance ({@code ST_Distance(geography)}), nearest first, ties by id.
 */
final class SheltersInReach {
    private SheltersInReach() {
    }

    /**
     * The hazards a shelter must lie outside of in an event: the area layer's type at or above the event's severity,
     * every other type the event covers at any severity.
     */
    record Avoided(List<String> types, List<Integer> minimums) {
        static Avoided of(List<HazardType> threats, @Nullable HazardType areaHazard, @Nullable Integer areaMinSeverity) {
            List<String> types = new ArrayList<>();
            List<Integer> minimums = new ArrayList<>();
            for (HazardType type : threats) {
                types.add(type.name());
                minimums.add(type == areaHazard && areaMinSeverity != null ? areaMinSeverity : 1);
            }
            return new Avoided(List.copyOf(types), List.copyOf(minimums));
        }
    }

    /**
     * Each home looks only inside a box a little larger than its radius (the GiST index on {@code shelter.geom}) and
     * keeps the event's safe shelters within the radius on the ellipsoid. Parameters: event id, radius (m) twice for
     * the box, radius (m), the limit, household ids.
     */
    static final String QUERY = """
            SELECT h.id, n.id, n.name, n.address, n.municipality_code, n.welfare_candidate, n.metres
            FROM household h
            CROSS JOIN LATERAL (
                SELECT s.id, s.name, s.address, s.municipality_code, s.welfare_candidate,
                       ST_Distance(s.geom::geography, h.location::geography) AS metres
                FROM shelter s JOIN disaster_event_safe_shelter safe ON safe.shelter_id = s.id AND safe.event_id = ?
                -- a degree of longitude is under 111 km and one of latitude over 110 km: the box holds the circle
                WHERE s.geom && ST_Expand(h.location, ? / (111000.0 * cos(radians(ST_Y(h.location)))), ? / 110000.0)
                  AND ST_DWithin(s.geom::geography, h.location::geography, ?)
                ORDER BY metres, s.id
                LIMIT ?) n
            WHERE h.id = ANY (?) AND h.location IS NOT NULL
            ORDER BY h.id, n.metres, n.id""";

    static Map<Long, List<EventHouseholds.Shelter>> of(Connection connection, long eventId, List<Long> householdIds,
                                                       ShelterReach reach) throws SQLException {
        Map<Long, List<EventHouseholds.Shelter>> shelters = new HashMap<>();
        if (householdIds.isEmpty()) {
            return shelters;
        }
        try (PreparedStatement select = connection.prepareStatement(QUERY)) {
            select.setLong(1, eventId);
            select.setDouble(2, reach.radiusMetres());
            select.setDouble(3, reach.radiusMetres());
            select.setDouble(4, reach.radiusMetres());
            select.setInt(5, ShelterReach.CANDIDATES);
            select.setArray(6, connection.createArrayOf("bigint", householdIds.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    shelters.computeIfAbsent(row.getLong(1), ignored -> new ArrayList<>())
                            .add(new EventHouseholds.Shelter(row.getLong(2), row.getString(3), row.getString(4),
                                    row.getString(5), row.getBoolean(6), Math.round(row.getDouble(7))));
                }
            }
        }
        return shelters;
    }
}
