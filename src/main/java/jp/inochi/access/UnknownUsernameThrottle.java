package jp.inochi.access;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wrong sign-ins for usernames that don't exist are counted like real ones, so after
 * {@link LoginLockoutPolicy#MAX_CONSECUTIVE_FAILURES} they too answer "locked": the lock message can't be used
 * to find out which usernames exist. Kept in memory, bounded, oldest entries dropped first.
 */
@Singleton
final class UnknownUsernameThrottle {
    private static final int MAX_ENTRIES = 10_000;

    private record Failures(int count, Instant lockedUntil) {
    }

    private final Map<String, Failures> failures = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    synchronized boolean isLocked(String username, Instant now) {
        Failures current = failures.get(username);
        return current != null && LoginLockoutPolicy.isLocked(current.lockedUntil(), now);
    }

    synchronized void recordFailure(String username, Instant now) {
        Failures current = failures.getOrDefault(username, new Failures(0, null));
        int count = current.count() + 1;
        failures.put(username, count >= LoginLockoutPolicy.MAX_CONSECUTIVE_FAILURES
                ? new Failures(0, LoginLockoutPolicy.lockUntil(now))
                : new Failures(count, current.lockedUntil()));
    }
}
