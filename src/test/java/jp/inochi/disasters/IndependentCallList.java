package jp.inochi.disasters;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.testsupport.Sql;

/**
 * What the call list of an event over the flood zones of a rank or more must be, computed in SQL apart from the
 * service, from the zones, the households and the loans' records, in the call order of issue 13.
 */
final class IndependentCallList {
    private IndependentCallList() {
    }

    /** One household as the call list must show it. */
    record Expected(long id, boolean ventilator, BigDecimal total, BigDecimal remaining, double relative,
                    boolean powerUnknown) {
    }

    private static final String SQL = """
            WITH in_zones AS (
                SELECT h.* FROM household h
                WHERE EXISTS (SELECT 1 FROM hazard_zone z WHERE z.version_id = ? AND z.severity >= ?
                              AND ST_Intersects(z.geom, h.location))),
            affected AS (
                SELECT * FROM in_zones
                UNION ALL
                -- homes without coordinates in a municipality the zones touch are listed too, so nobody is missed
                SELECT h.* FROM household h WHERE h.location IS NULL
                  AND h.municipality_code IN (SELECT municipality_code FROM in_zones)),
            fuel AS (
                SELECT l.household_id,
                       floor(d.runtime_hours_per_tank * i.fuel_stored_litres / d.tank_litres * 10) / 10 AS hours
                FROM loan l JOIN device d ON d.id = l.device_id
                JOIN LATERAL (SELECT fuel_stored_litres FROM inspection WHERE loan_id = l.id
                              ORDER BY inspected_on DESC, id DESC LIMIT 1) i ON true
                WHERE l.state IN ('ACTIVE', 'RETURN_OPEN')),
            power AS (
                SELECT a.id, coalesce(a.ventilator_battery_hours, 0)
                             + a.spare_battery_count * coalesce(a.spare_battery_hours_each, 0)
                             + coalesce((SELECT f.hours FROM fuel f WHERE f.household_id = a.id), 0)
                             + coalesce((SELECT sum(s.hours) FROM household_power_source s WHERE s.household_id = a.id), 0)
                             AS total
                FROM affected a),
            hazard AS (
                SELECT a.id, max(z.severity::float8 / t.max_severity) AS relative
                FROM affected a
                JOIN hazard_zone z ON ST_Intersects(z.geom, a.location)
                JOIN geo_layer_version v ON v.id = z.version_id AND v.status = 'CURRENT'
                JOIN hazard_type t ON t.code = z.hazard_type
                WHERE z.hazard_type IN ('FLOOD', 'LANDSLIDE', 'STORM_SURGE')
                GROUP BY a.id)
            SELECT a.id, a.ventilator_dependent, p.total, trunc(greatest(0, p.total - ?), 1) AS remaining, hz.relative,
                   p.total = 0 AND (a.ventilator_battery_hours IS NULL
                                    OR a.spare_battery_count > 0 AND a.spare_battery_hours_each IS NULL
                                    OR EXISTS (SELECT 1 FROM fuel f WHERE f.household_id = a.id AND f.hours IS NULL))
                       AS power_unknown
            FROM affected a JOIN power p ON p.id = a.id LEFT JOIN hazard hz ON hz.id = a.id
            -- issue 13: ventilator users (hours a day or minutes off, the larger reading), power left, hazard, hours
            ORDER BY a.ventilator_dependent
                         OR coalesce(greatest(a.ventilator_hours_per_day,
                                              24 - a.ventilator_off_minutes_per_day / 60.0), 0) > 0 DESC,
                     remaining, hz.relative DESC NULLS LAST,
                     greatest(a.ventilator_hours_per_day, round(24 - a.ventilator_off_minutes_per_day / 60.0, 2))
                         DESC NULLS LAST, a.id""";

    /** On the shared test database. */
    static List<Expected> of(long floodVersion, int minSeverity, double hoursWithoutPower) throws SQLException {
        try (Connection connection = Sql.connect()) {
            return of(connection, floodVersion, minSeverity, hoursWithoutPower);
        }
    }

    static List<Expected> of(Connection connection, long floodVersion, int minSeverity, double hoursWithoutPower)
            throws SQLException {
        List<Expected> expected = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SQL)) {
            select.setLong(1, floodVersion);
            select.setInt(2, minSeverity);
            select.setBigDecimal(3, BigDecimal.valueOf(hoursWithoutPower));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    expected.add(new Expected(row.getLong(1), row.getBoolean(2), row.getBigDecimal(3).setScale(1),
                            row.getBigDecimal(4).setScale(1, RoundingMode.DOWN), row.getDouble(5), row.getBoolean(6)));
                }
            }
        }
        return expected;
    }
}
