package jp.inochi.web.loans;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A date a running loan must meet, with where it stands today: done, overdue, due soon (within the warning window),
 * or later. {@code status} is a word for the badge colour; {@code statusLabel} what staff read.
 */
public record Deadline(String name, LocalDate dueOn, long daysLeft, String status, String statusLabel,
                       @Nullable String note) {
    static final int SOON_DAYS = 30;

    static Deadline of(String name, LocalDate dueOn, LocalDate today, boolean done, @Nullable String doneLabel,
                       int soonDays, @Nullable String note) {
        long days = ChronoUnit.DAYS.between(today, dueOn);
        if (done) {
            return new Deadline(name, dueOn, days, "COMPLETED", doneLabel == null ? "済" : doneLabel, note);
        }
        if (days < 0) {
            return new Deadline(name, dueOn, days, "REJECTED", (-days) + "日超過", note);
        }
        if (days <= soonDays) {
            return new Deadline(name, dueOn, days, "INFORMATION_REQUESTED", days == 0 ? "今日が期限" : "あと" + days + "日", note);
        }
        return new Deadline(name, dueOn, days, "UNDER_REVIEW", "あと" + days + "日", note);
    }
}
