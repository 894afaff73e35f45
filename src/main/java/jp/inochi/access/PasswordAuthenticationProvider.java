package jp.inochi.access;

import io.micronaut.context.event.ApplicationEventPublisher;
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
import java.util.OptionalInt;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a username and password against {@code app_user}, with lockout after repeated failures. The token
 * endpoint ({@code POST /api/auth/token}) and the web sign-in ({@code POST /login}) both come here, so both
 * count failures, lock, and write LOGIN / LOGIN_FAILED to the audit log (never the password, and never the
 * typed username when no such user exists: people type passwords into the username field).
 */
@Singleton
final class PasswordAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordAuthenticationProvider.class);
    // Hashing a throwaway password for unknown users keeps their response time equal to a real check's.
    private static final String UNKNOWN_USER_HASH = new PasswordHasher().hash("unknown-user");
    static final String UNKNOWN_USERNAME = "(存在しないユーザー名)";

    private final AppUserRepository users;
    private final PasswordHasher hasher;
    private final SignInTries tries;
    private final UnknownUsernameThrottle unknownUsernames;
    private final ApplicationEventPublisher<SignInRecorded> audit;
    private final ClientAddresses addresses;
    private final Clock clock;
    private final SignInMeters meters;

    PasswordAuthenticationProvider(AppUserRepository users, PasswordHasher hasher, SignInTries tries,
                                   UnknownUsernameThrottle unknownUsernames,
                                   ApplicationEventPublisher<SignInRecorded> audit, ClientAddresses addresses, Clock clock,
                                   SignInMeters meters) {
        this.users = users;
        this.hasher = hasher;
        this.tries = tries;
        this.unknownUsernames = unknownUsernames;
        this.audit = audit;
        this.addresses = addresses;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                               AuthenticationRequest<String, String> credentials) {
        return authenticate(request, credentials, null);
    }

    /** As {@link #authenticate(HttpRequest, AuthenticationRequest)}; a web sign-in passes the session it opens. */
    AuthenticationResponse authenticate(@Nullable HttpRequest<?> request, AuthenticationRequest<String, String> credentials,
                                        @Nullable SessionOpener sessionOpener) {
        Instant now = clock.instant();
        String username = String.valueOf(credentials.getIdentity());
        String password = String.valueOf(credentials.getSecret());
        String resource = request == null ? "sign-in" : request.getMethodName() + " " + request.getPath();
        String address = request == null ? null : addresses.of(request);
        Optional<AppUser> found = users.findByUsername(username);
        if (found.isEmpty()) {
            OptionalInt tryNumber = unknownUsernames.reserve(username, now);
            boolean locked = tryNumber.isEmpty();
            hasher.matches(password, UNKNOWN_USER_HASH);
            if (!locked && tryNumber.getAsInt() >= LoginLockoutPolicy.MAX_CONSECUTIVE_FAILURES) {
                meters.locked(false);
            }
            audit.publishEvent(new SignInRecorded(SignInRecorded.Kind.LOGIN_FAILED,
                    null, UNKNOWN_USERNAME, null, address, resource,
                    locked ? "ACCOUNT_LOCKED" : "CREDENTIALS_DO_NOT_MATCH"));
            AuthenticationFailureReason reason = locked
                    ? AuthenticationFailureReason.ACCOUNT_LOCKED : AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH;
            meters.failed(reason, false);
            return AuthenticationResponse.failure(reason);
        }
        AppUser user = found.get();
        AuthenticationFailureReason refusal = check(user, password, now);
        if (refusal != null) {
            audit.publishEvent(new SignInRecorded(SignInRecorded.Kind.LOGIN_FAILED,
                    user.id(), user.username(), user.role().name(), address, resource,
                    refusal.name()));
            meters.failed(refusal, true);
            return AuthenticationResponse.failure(refusal);
        }
        UUID session = sessionOpener == null ? null : sessionOpener.open(user, address);
        audit.publishEvent(new SignInRecorded(SignInRecorded.Kind.LOGIN,
                user.id(), user.username(), user.role().name(), address, resource,
                session == null ? "token" : "session"));
        return AuthenticationResponse.success(user.username(), List.of(user.role().name()), ViewerClaims.of(user, session));
    }

    /**
     * Null when the password is right and may sign in. The try is reserved before the password is checked, so a
     * burst of guesses gets at most the lockout's number of checks; a locked account still hashes once, so it
     * answers as slowly as an unknown name.
     */
    private @Nullable AuthenticationFailureReason check(AppUser user, String password, Instant now) {
        OptionalInt tryNumber = tries.reserve(user.id(), now);
        if (tryNumber.isEmpty()) {
            hasher.matches(password, UNKNOWN_USER_HASH);
            return AuthenticationFailureReason.ACCOUNT_LOCKED;
        }
        if (!hasher.matches(password, user.passwordHash())) {
            if (tryNumber.getAsInt() >= LoginLockoutPolicy.MAX_CONSECUTIVE_FAILURES) {
                LOG.warn("User id {} locked after {} failed logins", user.id(), LoginLockoutPolicy.MAX_CONSECUTIVE_FAILURES);
                meters.locked(true);
            }
            return AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH;
        }
        if (!user.enabled()) {
            // Checked after the password, so a disabled account answers like a wrong password to a guesser.
            return AuthenticationFailureReason.USER_DISABLED;
        }
        return tries.keepSuccess(user.id(), tryNumber.getAsInt(), now) ? null : AuthenticationFailureReason.ACCOUNT_LOCKED;
    }

    /** Opens a web sign-in session for a user whose password was right. */
    @FunctionalInterface
    interface SessionOpener {
        UUID open(AppUser user, @Nullable String clientAddress);
    }
}
