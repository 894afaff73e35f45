package jp.inochi.disasters.model;

import jp.inochi.lifecycle.Labelled;

/** How a family was contacted during an event. */
public enum ContactMethod implements Labelled {
    EMAIL_LINK("メールのリンク"),
    PHONE("電話"),
    VISIT("訪問"),
    OTHER("その他");

    private final String label;

    ContactMethod(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
