package jp.inochi.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;

/**
 * A person who signs in: center staff, a municipal officer, or an auditor. Families never sign in.
 * The {@code securityStamp} changes with every change of rights or password; tokens carry it, so older tokens stop working.
 */
@MappedEntity("app_user")
public record AppUser(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String displayName,
        String passwordHash,
        Role role,
        @Nullable String municipalityCode,
        @Nullable String wardCode,
        @Nullable String email,
        boolean enabled,
        int failedLogins,
        @Nullable Instant lockedUntil,
        Instant createdAt,
        long securityStamp,
        @Nullable Instant passwordChangedAt,
        @Nullable Instant updatedAt,
        @Version @Nullable Long version) {

    public AppUser withFailedLogins(int count, @Nullable Instant lockedUntil) {
        return new AppUser(id, username, displayName, passwordHash, role, municipalityCode, wardCode, email, enabled,
                count, lockedUntil, createdAt, securityStamp, passwordChangedAt, updatedAt, version);
    }

    /** Disabled or enabled; either way the user's existing tokens and sessions stop working. */
    AppUser withEnabled(boolean value, Instant now) {
        return new AppUser(id, username, displayName, passwordHash, role, municipalityCode, wardCode, email, value,
                failedLogins, lockedUntil, createdAt, securityStamp + 1, passwordChangedAt, now, version);
    }

    /** A new password clears the lockout and ends every existing token and session. */
    AppUser withPasswordHash(String hash, Instant now) {
        return new AppUser(id, username, displayName, hash, role, municipalityCode, wardCode, email, enabled,
                0, null, createdAt, securityStamp + 1, now, now, version);
    }

    /** New rights: existing tokens (which carry the old role and municipality) stop working. */
    AppUser withRights(Role newRole, @Nullable String newMunicipality, @Nullable String newWard, Instant now) {
        return new AppUser(id, username, displayName, passwordHash, newRole, newMunicipality, newWard, email, enabled,
                failedLogins, lockedUntil, createdAt, securityStamp + 1, passwordChangedAt, now, version);
    }

    AppUser unlocked(Instant now) {
        return new AppUser(id, username, displayName, passwordHash, role, municipalityCode, wardCode, email, enabled,
                0, null, createdAt, securityStamp, passwordChangedAt, now, version);
    }

    /** Excluded from {@code toString()} so a hash never reaches a log line by accident. */
    @Override
    public String toString() {
        return "AppUser[id=" + id + ", username=" + username + ", role=" + role + ", municipalityCode=" + municipalityCode
                + ", wardCode=" + wardCode + ", enabled=" + enabled + "]";
    }
}
