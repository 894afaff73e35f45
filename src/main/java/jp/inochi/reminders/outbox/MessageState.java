package jp.inochi.reminders.outbox;

import jp.inochi.lifecycle.Labelled;

/** An outbox message's state: waiting (first time or for a retry), being sent, sent, given up, or not needed. */
public enum MessageState implements Labelled {
    PENDING("送信待ち"),
    SENDING("送信中"),
    SENT("送信済み"),
    FAILED("送信失敗（再試行を終了）"),
    CANCELLED("送信不要（取消）");

    private final String label;

    MessageState(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
