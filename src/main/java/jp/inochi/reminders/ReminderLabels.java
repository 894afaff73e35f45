package jp.inochi.reminders;

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

    /** What a delivery error means for staff; the technical text stays beside it. */
    public static String error(String error) {
        if (error == null) {
            return null;
        }
        String text = error.toLowerCase(java.util.Locale.ROOT);
        if (text.contains("connect") && (text.contains("refused") || text.contains("exception"))) {
            return "メールサーバーに接続できませんでした";
        }
        if (text.contains("timeout") || text.contains("timed out")) {
            return "メールサーバーから応答がありませんでした";
        }
        if (text.contains("unknownhost") || text.contains("unknown host")) {
            return "メールサーバーが見つかりませんでした（設定を確認してください）";
        }
        if (text.contains("address") || text.contains(" 55") || text.contains("recipient")) {
            return "宛先のメールアドレスが受け付けられませんでした";
        }
        return "送信できませんでした";
    }
}
