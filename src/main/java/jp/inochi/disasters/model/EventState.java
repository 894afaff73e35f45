package jp.inochi.disasters.model;

import jp.inochi.lifecycle.Labelled;

/** Where a disaster event stands. */
public enum EventState implements Labelled {
    ACTIVE("対応中"),
    CLOSED("終了");

    private final String label;

    EventState(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
