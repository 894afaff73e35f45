package jp.inochi.loans.model;

import jp.inochi.lifecycle.Labelled;
import jp.inochi.lifecycle.StateMachine;

import static jp.inochi.loans.model.PlanStatus.*;

/** The steps of the 個別避難計画, each with its date, in order. */
public enum PlanStep implements Labelled {
    APPLIED_TO_MUNICIPALITY("市町村への作成申請"),
    ACCEPTED_BY_MUNICIPALITY("市町村の受理"),
    PLAN_COMPLETED("計画の作成完了");

    public static final StateMachine<PlanStatus, PlanStep> LIFECYCLE =
            StateMachine.of("個別避難計画", PlanStatus.class, PlanStep.class)
                    .on(APPLIED_TO_MUNICIPALITY, APPLIED, NOT_APPLIED)
                    .on(ACCEPTED_BY_MUNICIPALITY, ACCEPTED, APPLIED)
                    .on(PLAN_COMPLETED, COMPLETED, ACCEPTED)
                    .build();

    private final String label;

    PlanStep(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
