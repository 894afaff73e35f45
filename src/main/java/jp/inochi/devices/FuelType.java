package jp.inochi.devices;

import jp.inochi.lifecycle.Labelled;

/** Fuel of the generator; both are measured in litres (tank size, fuel the family stores). */
public enum FuelType implements Labelled {
    GASOLINE("ガソリン"),
    LPG("LPガス");

    private final String label;

    FuelType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
