package jp.inochi.loans.model;

import java.time.LocalDate;
import jp.inochi.lifecycle.Labelled;

/** 個別避難計画 (seed 000, lines 540, 543): applied to the municipality, accepted, completed. */
public enum PlanStatus implements Labelled {
    NOT_APPLIED("未申請"),
    APPLIED("申請済"),
    ACCEPTED("受理済"),
    COMPLETED("作成済");

    private final String label;

    PlanStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static PlanStatus of(LocalDate appliedOn, LocalDate acceptedOn, LocalDate completedOn) {
        if (completedOn != null) {
            return COMPLETED;
        }
        if (acceptedOn != null) {
            return ACCEPTED;
        }
        return appliedOn != null ? APPLIED : NOT_APPLIED;
    }
}
