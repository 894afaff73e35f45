package jp.inochi.reminders.model;

import jp.inochi.lifecycle.Labelled;

/** Where a reminder stands: waiting for its digest, sent, not needed any more, not emailable, or undeliverable. */
public enum ReminderState implements Labelled {
    PENDING("送信待ち"),
    SENT("送信済み"),
    CANCELLED("送信不要（取消）"),
    NOT_EMAILED("メール不可（センターから連絡）"),
    FAILED("送信失敗");

    private final String label;

    ReminderState(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
