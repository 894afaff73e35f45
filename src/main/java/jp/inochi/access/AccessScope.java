package jp.inochi.access;

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
}
