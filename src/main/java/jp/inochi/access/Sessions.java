package jp.inochi.access;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Web UI sign-in sessions: opened by a right password at {@code POST /login}, ended by signing out or expiry. */
@Singleton
final class Sessions {
    private static final Duration KEEP_FINISHED = Duration.ofDays(30);

    private final UserSessionRepository repository;
    private final CookieSettings cookies;
    private final Clock clock;

    Sessions(UserSessionRepository repository, CookieSettings cookies, Clock clock) {
        this.repository = repository;
        this.cookies = cookies;
        this.clock = clock;
    }

    UUID open(AppUser user, @Nullable String clientAddress) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        repository.save(new UserSession(id, user.id(), now, now.plus(cookies.sessionLifetime()), null, clientAddress,
                now));
        return id;
    }

    void end(UUID id) {
        repository.end(id, clock.instant());
    }

    void endAllOf(long userId) {
        repository.endAllOf(userId, clock.instant());
    }

    void forgetFinished() {
        repository.deleteFinishedBefore(clock.instant().minus(KEEP_FINISHED));
    }
}
