package jp.inochi.reminders.model;

import jp.inochi.lifecycle.Labelled;

/** A family's report: received, then confirmed by staff (the plan step recorded) or set aside with a reason. */
public enum ReportState implements Labelled {
    RECEIVED("確認待ち"),
    CONFIRMED("確認済み"),
    DISMISSED("対応不要");

    private final String label;

    ReportState(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
