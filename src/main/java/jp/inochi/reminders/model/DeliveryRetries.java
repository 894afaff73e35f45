package jp.inochi.reminders.model;

import java.time.Duration;

/**
 * How hard the outbox tries: a failed attempt waits {@code firstRetryAfter}, then each wait is
 * {@code backoffMultiplier} times longer, never more than {@code longestWait}; after {@code maxAttempts} attempts the
 * message is given up and the center is told. A message an instance held for longer than {@code lease} without
 * finishing (the instance died) is taken over by another.
 */
public record DeliveryRetries(int maxAttempts, Duration firstRetryAfter, double backoffMultiplier, Duration longestWait,
                             Duration lease, int batchSize) {

    /** The wait after the {@code attemptsSoFar}-th failed attempt (1 → firstRetryAfter). */
    public Duration retryDelay(int attemptsSoFar) {
        double seconds = firstRetryAfter.getSeconds() * Math.pow(backoffMultiplier, Math.max(0, attemptsSoFar - 1));
        return seconds >= longestWait.getSeconds() ? longestWait : Duration.ofSeconds(Math.round(seconds));
    }

    public boolean givesUpAfter(int attempts) {
        return attempts >= maxAttempts;
    }
}
