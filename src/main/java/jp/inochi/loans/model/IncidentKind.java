package jp.inochi.loans.model;

import jp.inochi.lifecycle.Labelled;

/** 紛失・破損・故障. */
public enum IncidentKind implements Labelled {
    LOSS("紛失"),
    DAMAGE("破損"),
    MALFUNCTION("故障（通常使用による）");

    private final String label;

    IncidentKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** 装置を亡くしたり壊したりなど利用者にその責任が認められる場合 (seed 000, line 538): never for wear and tear. */
    public boolean familyMayBeLiable() {
        return this != MALFUNCTION;
    }
}
