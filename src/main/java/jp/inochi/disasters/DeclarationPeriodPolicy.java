package jp.inochi.disasters;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When a declaration may start and end. It opens access to households that did not consent, so it is bounded:
 * it can't be back-dated (beyond a little clock skew), and each period reaches at most {@link #MAX_PERIOD} ahead;
 * a longer disaster is extended deliberately, and each extension is logged (domain.md: "Wider access in a
 * declared disaster must be a deliberate, logged act").
 */
public final class DeclarationPeriodPolicy {
    public static final Duration MAX_PERIOD = Duration.ofDays(31);
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** A refused period, named by the field the person must change. */
    public record Violation(String field, String message) {
    }

    private DeclarationPeriodPolicy() {
    }

    public static List<Violation> forNewDeclaration(Instant startsAt, Instant endsAt, Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (startsAt.isBefore(now.minus(CLOCK_SKEW))) {
            violations.add(new Violation("startsAt", "開始日時を過去にすることはできません"));
        }
        if (!endsAt.isAfter(startsAt)) {
            violations.add(new Violation("endsAt", "終了日時は開始日時より後にしてください"));
        } else if (endsAt.isAfter(maxEnd(startsAt.isAfter(now) ? startsAt : now))) {
            violations.add(new Violation("endsAt", "終了日時は開始から" + MAX_PERIOD.toDays() + "日以内にしてください（必要なら延長できます）"));
        }
        return violations;
    }

    public static List<Violation> forExtension(DisasterDeclaration declaration, Instant newEnd, Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (!newEnd.isAfter(declaration.endsAt())) {
            violations.add(new Violation("endsAt", "延長後の終了日時は現在の終了日時より後にしてください"));
        } else if (newEnd.isAfter(maxEnd(declaration.startsAt().isAfter(now) ? declaration.startsAt() : now))) {
            violations.add(new Violation("endsAt", "延長は現在から" + MAX_PERIOD.toDays() + "日以内までです"));
        }
        return violations;
    }

    private static Instant maxEnd(Instant from) {
        return from.plus(MAX_PERIOD);
    }
}
