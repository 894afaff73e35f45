package jp.inochi.disasters.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The times of a disaster event. It may be declared after it began (an earthquake at night is entered in the morning)
 * or ahead of a typhoon, within bounds that catch a mistyped year; the expected power restoration comes after the
 * outage began, since power comes back at different times in different areas (seed 002, line 9692) and the call list
 * compares each family's autonomy against it.
 */
public final class EventTimesPolicy {
    public static final Duration LONGEST_BACK = Duration.ofDays(30);
    public static final Duration LONGEST_AHEAD = Duration.ofDays(14);

    /** A refused time, named by the field to change. */
    public record Violation(String field, String message) {
    }

    private EventTimesPolicy() {
    }

    public static List<Violation> check(Instant startsAt, Instant outageStartedAt, Instant expectedRestorationAt,
                                        Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (startsAt.isBefore(now.minus(LONGEST_BACK))) {
            violations.add(new Violation("startsAt", "開始日時は" + LONGEST_BACK.toDays() + "日前より後にしてください"));
        }
        if (startsAt.isAfter(now.plus(LONGEST_AHEAD))) {
            violations.add(new Violation("startsAt", "開始日時は" + LONGEST_AHEAD.toDays() + "日後までにしてください"));
        }
        if (outageStartedAt != null && outageStartedAt.isBefore(now.minus(LONGEST_BACK))) {
            violations.add(new Violation("outageStartedAt", "停電の開始は" + LONGEST_BACK.toDays() + "日前より後にしてください"));
        }
        if (outageStartedAt != null && outageStartedAt.isAfter(now.plus(LONGEST_AHEAD))) {
            violations.add(new Violation("outageStartedAt", "停電の開始は" + LONGEST_AHEAD.toDays() + "日後までにしてください"));
        }
        if (expectedRestorationAt != null) {
            Instant from = outageStartedAt != null ? outageStartedAt : startsAt;
            if (!expectedRestorationAt.isAfter(from)) {
                violations.add(new Violation("expectedRestorationAt", "復旧見込みは"
                        + (outageStartedAt != null ? "停電の開始" : "開始日時") + "より後にしてください"));
            }
        }
        return violations;
    }

    /** Hours from the outage's start (or the event's, while the power is still on) to the expected restoration. */
    public static Double expectedOutageHours(Instant startsAt, Instant outageStartedAt, Instant expectedRestorationAt) {
        if (expectedRestorationAt == null) {
            return null;
        }
        Instant from = outageStartedAt != null ? outageStartedAt : startsAt;
        return Math.max(0, Duration.between(from, expectedRestorationAt).toSeconds() / 3600.0);
    }
}
