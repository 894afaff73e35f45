package jp.inochi.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A sign-in of the web UI. The session cookie's token names it ({@code sid}); signing out ends it. */
@MappedEntity("user_session")
record UserSession(@Id UUID id, long userId, Instant createdAt, Instant expiresAt, @Nullable Instant endedAt,
                   @Nullable String clientAddress, Instant lastSeenAt) {

    /** Not signed out, not past its lifetime, and used within the idle timeout (a browser left open ends by itself). */
    boolean isActive(Instant now, Duration idleTimeout) {
        return endedAt == null && now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plus(idleTimeout));
    }
}
