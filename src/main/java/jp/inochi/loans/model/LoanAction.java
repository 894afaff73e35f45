package jp.inochi.loans.model;

import jp.inochi.lifecycle.Labelled;
import jp.inochi.lifecycle.StateMachine;

import static jp.inochi.loans.model.LoanState.*;

/**
 * The loan after the handover: running, then the return (device received → inspected → available or in repair),
 * and the end with its reason; a device the family lost can't come back, so that return ends without it. Plan
 * steps, checks and incidents are recorded while it runs; a broken device is swapped for another while it runs, the
 * loan's dates and deadlines unchanged.
 */
public enum LoanAction implements Labelled {
    OPEN_RETURN("返還手続の開始"),
    CANCEL_RETURN("返還手続の取消"),
    RECEIVE_DEVICE("返還装置の受領"),
    COMPLETE_RETURN("返還装置の点検・貸与終了"),
    END_WITH_DEVICE_LOST("装置の紛失による貸与終了"),
    RECORD_PLAN_STEP("個別避難計画の進捗の記録"),
    RECORD_INSPECTION("年次確認の記録"),
    RECORD_INCIDENT("紛失・破損の記録"),
    RESEND_TERMS("貸与条件の再送"),
    SWAP_DEVICE("装置の交換");

    public static final StateMachine<LoanState, LoanAction> LIFECYCLE =
            StateMachine.of("貸与", LoanState.class, LoanAction.class)
                    .on(OPEN_RETURN, RETURN_OPEN, ACTIVE)
                    .on(CANCEL_RETURN, ACTIVE, RETURN_OPEN)
                    .on(RECEIVE_DEVICE, DEVICE_RECEIVED, RETURN_OPEN)
                    .on(COMPLETE_RETURN, ENDED, DEVICE_RECEIVED)
                    .on(END_WITH_DEVICE_LOST, ENDED, RETURN_OPEN)
                    .on(RECORD_PLAN_STEP, null, ACTIVE, RETURN_OPEN)
                    .on(RECORD_INSPECTION, null, ACTIVE)
                    .on(RECORD_INCIDENT, null, ACTIVE, RETURN_OPEN, DEVICE_RECEIVED)
                    .on(RESEND_TERMS, null, ACTIVE)
                    .on(SWAP_DEVICE, null, ACTIVE)
                    .build();

    private final String label;

    LoanAction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
