package jp.inochi.applications.model;

import jp.inochi.lifecycle.Labelled;
import jp.inochi.lifecycle.StateMachine;

import static jp.inochi.applications.model.ProgramApplicationState.*;

/**
 * 事業利用申請の流れ: the leaflet's diagram (seed 000, line 509) was an image, so the steps are the ones staff expect:
 * received → under review → (more information requested ↔ under review) → approved / rejected, or withdrawn.
 */
public enum ProgramApplicationAction implements Labelled {
    START_REVIEW("審査開始"),
    REQUEST_INFORMATION("追加情報の依頼"),
    RESUME_REVIEW("審査再開"),
    RECORD_SUBSIDY_EXCEPTION("助成制度を活用できない理由の記録"),
    APPROVE("承認"),
    REJECT("却下"),
    WITHDRAW("取下げ");

    public static final StateMachine<ProgramApplicationState, ProgramApplicationAction> LIFECYCLE =
            StateMachine.of("事業利用申請", ProgramApplicationState.class, ProgramApplicationAction.class)
                    .on(START_REVIEW, UNDER_REVIEW, RECEIVED)
                    .on(REQUEST_INFORMATION, INFORMATION_REQUESTED, UNDER_REVIEW)
                    .on(RESUME_REVIEW, UNDER_REVIEW, INFORMATION_REQUESTED)
                    .on(RECORD_SUBSIDY_EXCEPTION, null, RECEIVED, UNDER_REVIEW, INFORMATION_REQUESTED)
                    .on(APPROVE, ProgramApplicationState.APPROVED, UNDER_REVIEW)
                    .on(REJECT, REJECTED, UNDER_REVIEW)
                    .on(WITHDRAW, WITHDRAWN, RECEIVED, UNDER_REVIEW, INFORMATION_REQUESTED)
                    .build();

    private final String label;

    ProgramApplicationAction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
