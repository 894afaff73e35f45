package jp.inochi.access;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A signed, unexpired token is not enough: its user must still be enabled and hold the rights the token was
 * issued with (same security stamp), and a web sign-in must not have been signed out nor left unused longer than
 * {@code inochi.security.idle-timeout} (30 minutes unless set). Otherwise a disabled
 * officer, or one moved to another municipality, would keep the old access until the token expired.
 * Runs on the blocking executor ({@code micronaut.security.token.jwt.nimbus.reactive-validator-execute-on-blocking}).
 */
@Singleton
final class CurrentRightsClaimsValidator<T> implements GenericJwtClaimsValidator<T> {
    private static final Duration MARK_EVERY = Duration.ofMinutes(1);

    private final AppUserRepository users;
    private final UserSessionRepository sessions;
    private final Clock clock;
    private final Duration idleTimeout;

    CurrentRightsClaimsValidator(AppUserRepository users, UserSessionRepository sessions, Clock clock,
                                 @Value("${inochi.security.idle-timeout:30m}") Duration idleTimeout) {
        this.users = users;
        this.sessions = sessions;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public boolean validate(Claims claims, @Nullable T request) {
        if (!(claims.get(ViewerClaims.USER_ID) instanceof Number userId)
                || !(claims.get(ViewerClaims.STAMP) instanceof Number stamp)) {
            return false;
        }
        Optional<AppUser> user = users.findById(userId.longValue());
        if (user.isEmpty() || !user.get().enabled() || user.get().securityStamp() != stamp.longValue()) {
            return false;
        }
        Object sid = claims.get(ViewerClaims.SESSION);
        if (sid == null) {
            return true;
        }
        Instant now = clock.instant();
        try {
            Optional<UserSession> session = sessions.findById(UUID.fromString(sid.toString()))
                    .filter(found -> found.userId() == userId.longValue())
                    .filter(found -> found.isActive(now, idleTimeout));
            // marked at most once a minute, so a busy page costs no write per request
            session.ifPresent(used -> sessions.touch(used.id(), now, now.minus(MARK_EVERY)));
            return session.isPresent();
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
