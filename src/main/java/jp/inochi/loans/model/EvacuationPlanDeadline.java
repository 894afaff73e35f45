package jp.inochi.loans.model;

import java.time.LocalDate;

/** 貸与開始から6か月以内に…個別避難計画の作成を申請 (seed 000, line 540). */
public final class EvacuationPlanDeadline {
    public static final int MONTHS = 6;

    private EvacuationPlanDeadline() {
    }

    /** The last day to apply to the municipality: 2025-08-31 → 2026-02-28. */
    public static LocalDate of(LocalDate loanStart) {
        return loanStart.plusMonths(MONTHS);
    }
}
