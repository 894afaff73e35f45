package jp.inochi.reminders.outbox;

import jp.inochi.lifecycle.Labelled;

/**
 * What staff ask of the messages not sent yet: is anything due still going out? A message waiting for its time
 * (tomorrow's staff digest) is not; one being sent, due now, or waiting to retry after a failure is.
 */
public enum Backlog implements Labelled {
    /** Never tried and not due yet. */
    SCHEDULED("送信待ち（予定時刻前）"),
    /** Being sent, due now, or tried and waiting for its retry. */
    SENDING_OR_RETRYING("送信中・再送待ち");

    private final String label;

    Backlog(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
