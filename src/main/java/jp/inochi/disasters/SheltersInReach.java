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
 * Each home's shelters within reach, all in SQL: 福祉避難所 candidates and 指定避難所 of the current layers that lie
 * outside the event's hazards (for the area layer's type, at or above the event's severity; for the others, any zone),
 * within the radius by geodesic distance ({@code ST_Distance(geography)}), nearest first, ties by id.
 */
final class SheltersInReach {
    private SheltersInReach() {
    }

    /**
     * The safe shelters are found once; each home then looks only inside a box a little larger than its radius
     * (the GiST index on {@code shelter.geom}), and keeps those within the radius on the ellipsoid. Parameters:
     * avoided types, their minimum severities, radius (m) twice for the box, radius (m), the limit, household ids.
     */
    static final String QUERY = """
            WITH safe AS MATERIALIZED (
                SELECT s.id FROM shelter s JOIN geo_layer_version v ON v.id = s.version_id AND v.status = 'CURRENT'
                WHERE (s.welfare_candidate OR s.category = 'EVACUATION_SHELTER')
                  AND NOT EXISTS (SELECT 1 FROM hazard_at(s.geom) hz
                                  JOIN unnest(?::text[], ?::int[]) AS avoid(hazard_type, min_severity)
                                    ON avoid.hazard_type = hz.hazard_type AND hz.severity >= avoid.min_severity))
            SELECT h.id, n.id, n.name, n.address, n.municipality_code, n.welfare_candidate, n.metres
            FROM household h
            CROSS JOIN LATERAL (
                SELECT s.id, s.name, s.address, s.municipality_code, s.welfare_candidate,
                       ST_Distance(s.geom::geography, h.location::geography) AS metres
                FROM shelter s
                WHERE s.id IN (SELECT id FROM safe)
                  -- a degree of longitude is under 111 km and one of latitude over 110 km: the box holds the circle
                  AND s.geom && ST_Expand(h.location, ? / (111000.0 * cos(radians(ST_Y(h.location)))), ? / 110000.0)
                  AND ST_DWithin(s.geom::geography, h.location::geography, ?)
                ORDER BY metres, s.id
                LIMIT ?) n
            WHERE h.id = ANY (?) AND h.location IS NOT NULL
            ORDER BY h.id, n.metres, n.id""";

    static Map<Long, List<EventHouseholds.Shelter>> of(Connection connection, List<Long> householdIds,
                                                       List<HazardType> threats, @Nullable HazardType areaHazard,
                                                       @Nullable Integer areaMinSeverity, ShelterReach reach)
            throws SQLException {
        Map<Long, List<EventHouseholds.Shelter>> shelters = new HashMap<>();
        if (householdIds.isEmpty()) {
            return shelters;
        }
        List<String> types = new ArrayList<>();
        List<Integer> minimums = new ArrayList<>();
        for (HazardType type : threats) {
            types.add(type.name());
            minimums.add(type == areaHazard && areaMinSeverity != null ? areaMinSeverity : 1);
        }
        try (PreparedStatement select = connection.prepareStatement(QUERY)) {
            select.setArray(1, connection.createArrayOf("text", types.toArray()));
            select.setArray(2, connection.createArrayOf("integer", minimums.toArray()));
            select.setDouble(3, reach.radiusMetres());
            select.setDouble(4, reach.radiusMetres());
            select.setDouble(5, reach.radiusMetres());
            select.setInt(6, ShelterReach.CANDIDATES);
            select.setArray(7, connection.createArrayOf("bigint", householdIds.toArray()));
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
