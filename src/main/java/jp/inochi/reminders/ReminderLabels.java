package jp.inochi.reminders;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Map;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.reminders.model.DeliveryFailure;
import jp.inochi.reminders.model.DeliveryNotice;
import jp.inochi.reminders.outbox.OutboxMessage;

/** Attempt outcomes and delivery failures in the center's words. */
public final class ReminderLabels {
    private static final Map<String, String> OUTCOMES = Map.of(
            "SENT", "送信済み",
            "RETRY", "失敗（自動で再送）",
            "GAVE_UP", "失敗（再送を終了）",
            "CANCELLED", "送信不要（取消）",
            "INTERRUPTED", "中断（別のサーバーが引き継ぎ）");

    private ReminderLabels() {
    }

    /** How one attempt ended; an attempt still open is being sent. */
    public static String outcome(@Nullable String outcome) {
        return outcome == null ? "送信中" : OUTCOMES.getOrDefault(outcome, "その他");
    }

    /** Why the message has not gone and what happens next, for staff; null when nothing failed. */
    @Nullable
    public static String notice(OutboxMessage message, Instant now) {
        if (message.lastError() == null) {
            return null;
        }
        return switch (message.state()) {
            case PENDING -> DeliveryNotice.retrying(message.lastError(), message.nextAttemptAt().atZone(JapanTime.ZONE),
                    now.atZone(JapanTime.ZONE));
            case FAILED -> DeliveryNotice.givenUp(message.lastError());
            default -> DeliveryNotice.earlier(message.lastError());
        };
    }

    /** One attempt's error for staff: a failure explained (its technical text is for admins); other notes as written. */
    @Nullable
    public static String attemptError(@Nullable String outcome, @Nullable String error) {
        if (error == null) {
            return null;
        }
        return "RETRY".equals(outcome) || "GAVE_UP".equals(outcome) ? DeliveryFailure.of(error).sentence() : error;
    }

    /** Whether an attempt's error is the mail library's text (shown to admins only) rather than our own note. */
    public static boolean technical(@Nullable String outcome) {
        return "RETRY".equals(outcome) || "GAVE_UP".equals(outcome);
    }
}
