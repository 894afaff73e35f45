package jp.inochi.disasters;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.testsupport.Sql;

/**
 * The municipalities an event should be for, computed apart from the service: the registered municipality of every
 * family it covers (a family whose home lies in the area, whichever municipality holds its file) and the cities of
 * the wards or municipalities chosen as its area. Other tests' families share the database, so tests compare with this.
 */
final class EventMunicipalities {
    private EventMunicipalities() {
    }

    static List<String> expected(long eventId) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (Connection connection = Sql.connect(); PreparedStatement select = connection.prepareStatement("""
                SELECT code FROM (
                    SELECT h.municipality_code AS code FROM disaster_event_household eh
                    JOIN household h ON h.id = eh.household_id WHERE eh.event_id = ?
                    UNION
                    SELECT coalesce(m.parent_code, m.code) FROM disaster_event e
                    JOIN municipality m ON m.code = ANY (e.area_codes) WHERE e.id = ?) c
                WHERE code IS NOT NULL ORDER BY code""")) {
            select.setLong(1, eventId);
            select.setLong(2, eventId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    codes.add(rows.getString(1));
                }
            }
        }
        return codes;
    }
}
