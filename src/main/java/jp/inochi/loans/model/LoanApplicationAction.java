package jp.inochi.loans.model;

import jp.inochi.lifecycle.Labelled;
import jp.inochi.lifecycle.StateMachine;

import static jp.inochi.loans.model.LoanApplicationState.*;

/** 貸与申請の流れ (seed 000, line 513, an image): decided, a device assigned, the unit handed over. */
public enum LoanApplicationAction implements Labelled {
    START_REVIEW("審査開始"),
    REQUEST_INFORMATION("追加情報の依頼"),
    RESUME_REVIEW("審査再開"),
    APPROVE("貸与決定"),
    REJECT("却下"),
    WITHDRAW("取下げ"),
    ASSIGN_DEVICE("装置の割当"),
    RELEASE_DEVICE("装置の割当解除"),
    HAND_OVER("引渡し（貸与開始）");

    public static final StateMachine<LoanApplicationState, LoanApplicationAction> LIFECYCLE =
            StateMachine.of("貸与申請", LoanApplicationState.class, LoanApplicationAction.class)
                    .on(START_REVIEW, UNDER_REVIEW, RECEIVED)
                    .on(REQUEST_INFORMATION, INFORMATION_REQUESTED, UNDER_REVIEW)
                    .on(RESUME_REVIEW, UNDER_REVIEW, INFORMATION_REQUESTED)
                    .on(APPROVE, LoanApplicationState.APPROVED, UNDER_REVIEW)
                    .on(REJECT, REJECTED, UNDER_REVIEW)
                    .on(WITHDRAW, WITHDRAWN, RECEIVED, UNDER_REVIEW, INFORMATION_REQUESTED,
                            LoanApplicationState.APPROVED, DEVICE_ASSIGNED)
                    .on(ASSIGN_DEVICE, DEVICE_ASSIGNED, LoanApplicationState.APPROVED)
                    .on(RELEASE_DEVICE, LoanApplicationState.APPROVED, DEVICE_ASSIGNED)
                    .on(HAND_OVER, HANDED_OVER, DEVICE_ASSIGNED)
                    .build();

    private final String label;

    LoanApplicationAction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
