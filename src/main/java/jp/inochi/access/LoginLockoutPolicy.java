package jp.inochi.access;

import java.time.Duration;
import java.time.Instant;

/** Repeated wrong passwords lock the account for a while, so passwords can't be guessed online. */
public final class LoginLockoutPolicy {
    public static final int MAX_CONSECUTIVE_FAILURES = 5;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    private LoginLockoutPolicy() {
    }

    public static boolean isLocked(AppUser user, Instant now) {
        return user.lockedUntil() != null && now.isBefore(user.lockedUntil());
    }

    /** Counts the failure; the fifth in a row locks the account for {@link #LOCK_DURATION}. */
    public static AppUser afterFailure(AppUser user, Instant now) {
        int failures = user.failedLogins() + 1;
        return failures >= MAX_CONSECUTIVE_FAILURES
                ? user.withFailedLogins(0, now.plus(LOCK_DURATION))
                : user.withFailedLogins(failures, user.lockedUntil());
    }

    public static AppUser afterSuccess(AppUser user) {
        return user.withFailedLogins(0, null);
    }
}
