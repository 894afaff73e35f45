package jp.inochi.access;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Whose households a query may return, evaluated in SQL by {@code household_access_basis(...)}
 * (migration V4) at the instant {@code at}, so a declaration's end takes effect by the service's Clock.
 */
public record AccessScope(Role role, String municipalityCode, String wardCode, Instant at) {

    /** The service's own work (sweeps, jobs): sees every household, basis SYSTEM. */
    public static AccessScope system(Instant at) {
        return new AccessScope(null, null, null, at);
    }

    /** The role name passed to SQL; {@code SYSTEM} for the service itself. */
    public String roleName() {
        return role == null ? "SYSTEM" : role.name();
    }

    /** Binds the four scope parameters of {@code household_access_basis} from {@code first}; returns the next index. */
    public int bind(PreparedStatement statement, int first) throws SQLException {
        statement.setString(first, roleName());
        statement.setString(first + 1, municipalityCode);
        statement.setString(first + 2, wardCode);
        statement.setTimestamp(first + 3, Timestamp.from(at));
        return first + 4;
    }
}
