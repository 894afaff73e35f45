package jp.inochi.testruns.model;

import static jp.inochi.testruns.model.TestRunAnswer.OK;
import static jp.inochi.testruns.model.TestRunAnswer.PROBLEM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a click on one of the two reply links does to the month's test run. */
class TestRunReplyRulesTest {

    @Test
    void theFirstClickRecordsTheAnswerAndOnlyAProblemOpensAFollowUp() {
        assertEquals(ReplyOutcome.RECORDED, ReplyOutcome.of(null, OK));
        assertFalse(ReplyOutcome.of(null, OK).opensFollowUp(OK));
        assertTrue(ReplyOutcome.of(null, PROBLEM).opensFollowUp(PROBLEM));
    }

    @Test
    void aSecondClickOnTheSameAnswerOnlySaysItIsRecorded() {
        assertEquals(ReplyOutcome.ALREADY_RECORDED, ReplyOutcome.of(OK, OK));
        assertEquals(ReplyOutcome.ALREADY_RECORDED, ReplyOutcome.of(PROBLEM, PROBLEM));
        assertFalse(ReplyOutcome.of(PROBLEM, PROBLEM).opensFollowUp(PROBLEM), "one follow-up per problem");
    }

    @Test
    void aProblemAfterWorkedNormallyIsRecordedAndOpensTheFollowUp() {
        assertEquals(ReplyOutcome.CHANGED_TO_PROBLEM, ReplyOutcome.of(OK, PROBLEM));
        assertTrue(ReplyOutcome.of(OK, PROBLEM).opensFollowUp(PROBLEM));
    }

    @Test
    void workedNormallyAfterAProblemKeepsTheProblemForTheCenterToClose() {
        assertEquals(ReplyOutcome.PROBLEM_KEPT, ReplyOutcome.of(PROBLEM, OK));
        assertFalse(ReplyOutcome.of(PROBLEM, OK).records());
    }
}
