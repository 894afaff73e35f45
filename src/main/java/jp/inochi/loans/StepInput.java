package jp.inochi.loans;

import io.micronaut.core.annotation.Nullable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.lifecycle.Dates;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.time.JapanTime;

/** What every loan step does with its date and note before recording them. */
final class StepInput {
    private StepInput() {
    }

    /** A step's date: today by default; not in the future, not before the earlier step it follows. */
    static LocalDate dateWithin(Clock clock, @Nullable LocalDate requested, @Nullable LocalDate earliest,
                                String earliestName, String field) {
        LocalDate today = JapanTime.today(clock);
        LocalDate on = requested == null ? today : requested;
        List<FieldError> errors = new ArrayList<>();
        Dates.notInFuture(errors, field, on, today);
        Dates.notBefore(errors, field, on, earliest, earliestName);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return on;
    }
}
