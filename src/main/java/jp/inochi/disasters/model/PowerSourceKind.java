package jp.inochi.disasters.model;

import jp.inochi.lifecycle.Labelled;

/** Power a family has besides the ventilator's batteries and the loaned generator. */
public enum PowerSourceKind implements Labelled {
    VEHICLE("給電できる自動車"),
    PORTABLE_BATTERY("ポータブル電源"),
    SOLAR("太陽光発電・蓄電池"),
    OTHER("その他");

    private final String label;

    PowerSourceKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
