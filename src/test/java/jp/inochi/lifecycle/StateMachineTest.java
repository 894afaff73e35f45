package jp.inochi.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jp.inochi.applications.model.ProgramApplicationAction;
import jp.inochi.applications.model.ProgramApplicationState;
import jp.inochi.platform.problem.IllegalTransitionException;
import org.junit.jupiter.api.Test;

class StateMachineTest {

    @Test
    void aRefusalNamesTheCurrentStateAndTheActionsItAllowsInJapanese() {
        var refused = assertThrows(IllegalTransitionException.class, () -> ProgramApplicationAction.LIFECYCLE
                .next(ProgramApplicationState.RECEIVED, ProgramApplicationAction.APPROVE));
        assertEquals("RECEIVED", refused.extensions().get("currentState"));
        assertEquals(List.of("start-review", "record-subsidy-exception", "withdraw"), refused.extensions().get("allowedActions"));
        assertTrue(refused.detail().startsWith("「受付済」の事業利用申請に「承認」は行えません"), refused.detail());
    }

    @Test
    void aFinalStateAllowsNothingAndSaysSo() {
        var refused = assertThrows(IllegalTransitionException.class, () -> ProgramApplicationAction.LIFECYCLE
                .next(ProgramApplicationState.REJECTED, ProgramApplicationAction.WITHDRAW));
        assertEquals(List.of(), refused.extensions().get("allowedActions"));
        assertTrue(refused.detail().endsWith("行える操作: なし"), refused.detail());
    }

    @Test
    void aStepRecordedWithinAStateKeepsTheState() {
        assertEquals(ProgramApplicationState.UNDER_REVIEW, ProgramApplicationAction.LIFECYCLE
                .next(ProgramApplicationState.UNDER_REVIEW, ProgramApplicationAction.RECORD_SUBSIDY_EXCEPTION));
    }
}
