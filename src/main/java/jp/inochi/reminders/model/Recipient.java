package jp.inochi.reminders.model;

import jp.inochi.lifecycle.Labelled;

/** Who a reminder is for: the family (by email, with their consent) or the center's staff (the daily alert digest). */
public enum Recipient implements Labelled {
    FAMILY("ご家族"),
    STAFF("センター職員");

    private final String label;

    Recipient(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
