package jp.inochi.loans;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A date a running loan must meet, with where it stands today: done, overdue, due soon (within the warning window),
 * or later. {@code badge} is the badge's CSS class; {@code statusLabel} what staff read.
 */
public record Deadline(String name, LocalDate dueOn, long daysLeft, String badge, String statusLabel) {
    static final int SOON_DAYS = 30;

    static Deadline of(String name, LocalDate dueOn, LocalDate today, boolean done, @Nullable String doneLabel,
                       int soonDays) {
        long days = ChronoUnit.DAYS.between(today, dueOn);
        if (done) {
            return new Deadline(name, dueOn, days, "badge badge-ok", doneLabel == null ? "済" : doneLabel);
        }
        if (days < 0) {
            return new Deadline(name, dueOn, days, "badge badge-danger", (-days) + "日超過");
        }
        if (days <= soonDays) {
            return new Deadline(name, dueOn, days, "badge badge-warn", days == 0 ? "今日が期限" : "あと" + days + "日");
        }
        return new Deadline(name, dueOn, days, "badge badge-info", "あと" + days + "日");
    }
}
