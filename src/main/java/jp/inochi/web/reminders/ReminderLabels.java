package jp.inochi.web.reminders;

import java.util.Map;

/** Outbox message kinds in the center's words. */
public final class ReminderLabels {
    private static final Map<String, String> KINDS = Map.of(
            "reminder.family-digest", "ご家族へのお知らせ",
            "reminder.staff-digest", "センター職員向けのまとめ");

    private ReminderLabels() {
    }

    public static String kind(String kind) {
        return KINDS.getOrDefault(kind, kind);
    }
}
