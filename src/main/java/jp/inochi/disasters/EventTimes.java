package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import jp.inochi.disasters.model.EventTimesPolicy;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InvalidInputException;

/** {@link EventTimesPolicy} as a 400 with one field error per violation, for declaring and for the outage. */
final class EventTimes {
    private EventTimes() {
    }

    static void check(Instant startsAt, @Nullable Instant outage, @Nullable Instant restoration, Instant now) {
        List<FieldError> errors = EventTimesPolicy.check(startsAt, outage, restoration, now).stream()
                .map(violation -> new FieldError(violation.field(), violation.message())).toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** For an update, the start was accepted when declared: only the new outage and restoration are checked. */
    static void checkUpdate(Instant startsAt, @Nullable Instant outage, @Nullable Instant restoration, Instant now) {
        List<FieldError> errors = EventTimesPolicy.check(startsAt, outage, restoration, now).stream()
                .filter(violation -> !violation.field().equals("startsAt"))
                .map(violation -> new FieldError(violation.field(), violation.message())).toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
