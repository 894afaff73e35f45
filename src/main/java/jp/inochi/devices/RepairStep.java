package jp.inochi.devices;

import jp.inochi.lifecycle.Labelled;

/** A step on a repair that leaves the device's state as it is. */
enum RepairStep implements Labelled {
    RECORD_COST("修理費用・負担の記録");

    private final String label;

    RepairStep(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
