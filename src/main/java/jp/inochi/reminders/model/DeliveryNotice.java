package jp.inochi.reminders.model;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * What staff read about an email that failed: why, and what happens next (an automatic retry at a time, or nothing
 * more until someone resends it). Times are in Japan; "next" is just the time when it is today, else the date too.
 */
public final class DeliveryNotice {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("M月d日 H:mm");

    private DeliveryNotice() {
    }

    /** A failed attempt that will be tried again by itself at {@code next}. */
    public static String retrying(String error, ZonedDateTime next, ZonedDateTime now) {
        String when = next.toLocalDate().equals(now.toLocalDate()) ? TIME.format(next) : DAY_AND_TIME.format(next);
        return DeliveryFailure.of(error).sentence() + "。自動で再送します（次回 " + when + "）";
    }

    /** Given up: no more automatic attempts; staff may resend (after fixing the address if that was the cause). */
    public static String givenUp(String error) {
        DeliveryFailure failure = DeliveryFailure.of(error);
        return failure.sentence() + (failure == DeliveryFailure.RECIPIENT_REFUSED
                ? "。アドレスを直してから再送してください"
                : "。自動の再送は終了しました。必要なら「再送する」で送り直せます");
    }

    /** A failure before the message went out in the end (or was no longer needed): what happened, in the past. */
    public static String earlier(String error) {
        return "途中で失敗しました：" + DeliveryFailure.of(error).sentence();
    }
}
