package jp.inochi.access;

import java.time.Duration;
import java.time.Instant;

/**
 * Repeated wrong passwords lock the account for a while, so passwords can't be guessed online.
 * Each try is reserved in the database before its password is checked ({@link SignInTries}), the same for the
 * token endpoint and the web sign-in, so parallel guesses can't get more checks; unknown usernames are counted the
 * same way in the same database ({@link UnknownUsernameThrottle}), so a lock does not reveal which usernames exist.
 */
public final class LoginLockoutPolicy {
    public static final int MAX_CONSECUTIVE_FAILURES = 5;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    private LoginLockoutPolicy() {
    }

    public static boolean isLocked(AppUser user, Instant now) {
        return isLocked(user.lockedUntil(), now);
    }

    public static boolean isLocked(Instant lockedUntil, Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Until when the failure that reaches the limit locks the account. */
    public static Instant lockUntil(Instant now) {
        return now.plus(LOCK_DURATION);
    }
}
