package jp.inochi.loans.model;

import jp.inochi.lifecycle.Labelled;

/** Where the device taken back in a swap goes: to be inspected, or straight to repair. */
public enum RemovedDeviceGoesTo implements Labelled {
    IN_INSPECTION("点検"),
    IN_REPAIR("修理");

    private final String label;

    RemovedDeviceGoesTo(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
