package jp.inochi.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;

/** A person who signs in: center staff, a municipal officer, or an auditor. Families never sign in. */
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
        @Version @Nullable Long version) {

    public AppUser withFailedLogins(int count, @Nullable Instant lockedUntil) {
        return new AppUser(id, username, displayName, passwordHash, role, municipalityCode, wardCode, email, enabled,
                count, lockedUntil, createdAt, version);
    }
}
