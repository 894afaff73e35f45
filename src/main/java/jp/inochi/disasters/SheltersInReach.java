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
     * One set-based statement for any number of homes, the same shelters as searching around each home for every safe
     * shelter within the radius on the ellipsoid and keeping the nearest ({@code ST_Distance(geography)}, ties by id),
     * while measuring only a few on the ellipsoid (searching around each home measured 1.5 million pairs for the
     * prefecture's 6,380 homes, about 2 s). For each home: (1) the GiST index's nearest few safe shelters in degrees, whose farthest on the sphere
     * bounds where the nearest can lie; (2) the safe shelters within that bound (and the radius) on the sphere; (3)
     * those within the radius on the ellipsoid, nearest first. The ellipsoid's distance is within 0.6 % of the sphere's
     * anywhere on Earth, so a 2 % margin on the bound keeps every shelter that may rank. Parameters: household ids,
     * the radius (m), the number of candidates, event id, the number again, event id, the radius, the number.
     */
    static final String QUERY = """
            WITH home AS MATERIALIZED (
                SELECT h.id, h.location, h.location::geography AS geog FROM household h
                WHERE h.id = ANY (?) AND h.location IS NOT NULL),
            bound AS (
                SELECT h.id, h.location, h.geog, least(?, CASE WHEN n.found = ? THEN n.farthest END) * 1.02 AS metres
                FROM home h CROSS JOIN LATERAL (
                    SELECT count(*) AS found, max(ST_Distance(k.geom::geography, h.geog, false)) AS farthest
                    FROM (SELECT s.geom FROM shelter s
                          WHERE EXISTS (SELECT 1 FROM disaster_event_safe_shelter safe
                                        WHERE safe.event_id = ? AND safe.shelter_id = s.id)
                          ORDER BY s.geom <-> h.location LIMIT ?) k) n
                WHERE n.found > 0),
            candidate AS MATERIALIZED (
                SELECT b.id AS household_id, b.location, s.id, s.geom
                FROM bound b JOIN shelter s
                  -- a degree of longitude is under 111 km and one of latitude over 110 km: the box holds the circle
                  ON s.geom && ST_Expand(b.location, b.metres / (111000.0 * cos(radians(ST_Y(b.location)))), b.metres / 110000.0)
                WHERE EXISTS (SELECT 1 FROM disaster_event_safe_shelter safe WHERE safe.event_id = ? AND safe.shelter_id = s.id)
                  AND ST_DWithin(s.geom::geography, b.geog, b.metres, false)),
            ranked AS (
                SELECT c.household_id, c.id, ST_Distance(c.geom::geography, c.location::geography) AS metres,
                       row_number() OVER (PARTITION BY c.household_id
                                          ORDER BY ST_Distance(c.geom::geography, c.location::geography), c.id) AS nth
                FROM candidate c
                WHERE ST_DWithin(c.geom::geography, c.location::geography, ?))
            SELECT r.household_id, r.id, s.name, s.address, s.municipality_code, s.welfare_candidate, r.metres
            FROM ranked r JOIN shelter s ON s.id = r.id
            WHERE r.nth <= ?
            ORDER BY r.household_id, r.nth""";

    static Map<Long, List<EventHouseholds.Shelter>> of(Connection connection, long eventId, List<Long> householdIds,
                                                       ShelterReach reach) throws SQLException {
        Map<Long, List<EventHouseholds.Shelter>> shelters = new HashMap<>();
        if (householdIds.isEmpty()) {
            return shelters;
        }
        try (PreparedStatement select = connection.prepareStatement(QUERY)) {
            select.setArray(1, connection.createArrayOf("bigint", householdIds.toArray()));
            select.setDouble(2, reach.radiusMetres());
            select.setInt(3, ShelterReach.CANDIDATES);
            select.setLong(4, eventId);
            select.setInt(5, ShelterReach.CANDIDATES);
            select.setLong(6, eventId);
            select.setDouble(7, reach.radiusMetres());
            select.setInt(8, ShelterReach.CANDIDATES);
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
