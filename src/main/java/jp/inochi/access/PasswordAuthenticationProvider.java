package jp.inochi.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks a username and password against {@code app_user}, with lockout after repeated failures. */
@Singleton
final class PasswordAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordAuthenticationProvider.class);
    // Hashing a throwaway password for unknown users keeps their response time equal to a real check's.
    private static final String UNKNOWN_USER_HASH = new PasswordHasher().hash("unknown-user");

    private final AppUserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;

    PasswordAuthenticationProvider(AppUserRepository users, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    public AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                               AuthenticationRequest<String, String> credentials) {
        Instant now = clock.instant();
        Optional<AppUser> found = users.findByUsername(String.valueOf(credentials.getIdentity()));
        if (found.isEmpty()) {
            hasher.matches(String.valueOf(credentials.getSecret()), UNKNOWN_USER_HASH);
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        AppUser user = found.get();
        if (!user.enabled()) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.USER_DISABLED);
        }
        if (LoginLockoutPolicy.isLocked(user, now)) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.ACCOUNT_LOCKED);
        }
        if (!hasher.matches(String.valueOf(credentials.getSecret()), user.passwordHash())) {
            AppUser counted = users.update(LoginLockoutPolicy.afterFailure(user, now));
            if (counted.lockedUntil() != null && !now.isAfter(counted.lockedUntil())) {
                LOG.warn("User id {} locked after {} failed logins", user.id(), LoginLockoutPolicy.MAX_CONSECUTIVE_FAILURES);
            }
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        if (user.failedLogins() > 0 || user.lockedUntil() != null) {
            users.update(LoginLockoutPolicy.afterSuccess(user));
        }
        return AuthenticationResponse.success(user.username(), List.of(user.role().name()), ViewerClaims.of(user));
    }
}
