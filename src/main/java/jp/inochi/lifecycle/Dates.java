package jp.inochi.lifecycle;

import java.time.LocalDate;
import java.util.List;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.time.JapaneseDates;

/** The date checks every step shares, collecting Japanese field errors. */
public final class Dates {
    private Dates() {
    }

    /** Not after today: a step can't be recorded for a day that hasn't come. */
    public static void notInFuture(List<FieldError> errors, String field, LocalDate date, LocalDate today) {
        if (date != null && date.isAfter(today)) {
            errors.add(new FieldError(field, "未来の日付（" + JapaneseDates.withGregorian(date) + "）は入力できません"));
        }
    }

    /** Not before an earlier step, named in the message. */
    public static void notBefore(List<FieldError> errors, String field, LocalDate date, LocalDate earliest,
                                 String earliestName) {
        if (date != null && earliest != null && date.isBefore(earliest)) {
            errors.add(new FieldError(field, earliestName + "（" + JapaneseDates.withGregorian(earliest) + "）より前の日付は入力できません"));
        }
    }
}
