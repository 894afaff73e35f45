package jp.inochi.disasters.model;

import jp.inochi.lifecycle.Labelled;

/** How a contact went. A family that was reached (or replied) gave a {@link Reply}; the others are tried again. */
public enum ContactOutcome implements Labelled {
    REPLIED("回答あり"),
    REACHED("連絡がついた"),
    NO_ANSWER("応答なし"),
    BUSY("話し中"),
    WRONG_NUMBER("番号違い・不通"),
    LEFT_MESSAGE("留守番電話に伝言");

    private final String label;

    ContactOutcome(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean reached() {
        return this == REPLIED || this == REACHED;
    }
}
