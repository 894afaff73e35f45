package jp.inochi.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** A sign-in of the web UI. The session cookie's token names it ({@code sid}); signing out ends it. */
@MappedEntity("user_session")
record UserSession(@Id UUID id, long userId, Instant createdAt, Instant expiresAt, @Nullable Instant endedAt,
                   @Nullable String clientAddress) {

    boolean isActive(Instant now) {
        return endedAt == null && now.isBefore(expiresAt);
    }
}
