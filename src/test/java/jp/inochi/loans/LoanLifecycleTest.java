package jp.inochi.loans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import jp.inochi.devices.DeviceCondition;
import jp.inochi.devices.DeviceState;
import jp.inochi.devices.Devices;
import jp.inochi.lifecycle.LifecycleEvent;
import jp.inochi.loans.EvacuationPlanSteps.PlanStepRecord;
import jp.inochi.loans.LoanIncidents.NewIncident;
import jp.inochi.loans.LoanReturns.DeviceAfterReturn;
import jp.inochi.loans.LoanReturns.DeviceReceipt;
import jp.inochi.loans.LoanReturns.Justification;
import jp.inochi.loans.LoanReturns.ReturnInspection;
import jp.inochi.loans.LoanReturns.ReturnRequest;
import jp.inochi.loans.model.IncidentKind;
import jp.inochi.loans.model.LoanState;
import jp.inochi.loans.model.PlanStatus;
import jp.inochi.loans.model.PlanStep;
import jp.inochi.loans.model.ReturnReason;
import jp.inochi.platform.problem.IllegalTransitionException;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLoans;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class LoanLifecycleTest {
    private static final LocalDate LEAP_DAY = LocalDate.of(2028, 2, 29);

    @Inject
    Loans loans;

    @Inject
    LoanReturns returns;

    @Inject
    DueReturns dueReturns;

    @Inject
    EvacuationPlanSteps planSteps;

    @Inject
    LoanIncidents loanIncidents;

    @Inject
    TermsAcceptances termsAcceptances;

    @Inject
    Devices devices;

    @Inject
    TestLoans testLoans;

    @Inject
    MovableClock clock;

    @Test
    void aLoanStartedOnLeapDay2028EndsOn28February2033AndItsDatesAreStoredSo() throws Exception {
        Loan loan = testLoans.loanStartedOn(LEAP_DAY);
        assertEquals(LocalDate.of(2033, 2, 28), loan.maxEndDate());
        assertEquals(LocalDate.of(2028, 8, 29), loan.planDeadline());
        assertEquals(LocalDate.of(2029, 2, 28), loan.nextCheckDue());
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM household_evacuation_plan_status WHERE loan_id = ? "
                + "AND plan_deadline = DATE '2028-08-29' AND plan_status = 'NOT_APPLIED'", loan.id()));
    }

    @Test
    void theEvacuationPlanIsTrackedFromApplicationToCompletionInOrder() throws Exception {
        LocalDate start = LocalDate.of(2026, 3, 2);
        Loan loan = testLoans.loanStartedOn(start);
        clock.setDate(start.plusMonths(3));
        var tooEarly = assertThrows(IllegalTransitionException.class, () -> planSteps.recordPlanStep(testLoans.staff(),
                loan.id(), new PlanStepRecord(PlanStep.PLAN_COMPLETED, start.plusMonths(1), null, null)));
        assertEquals("NOT_APPLIED", tooEarly.extensions().get("currentState"));
        assertEquals(List.of("applied-to-municipality"), tooEarly.extensions().get("allowedActions"));

        planSteps.recordPlanStep(testLoans.staff(), loan.id(), new PlanStepRecord(PlanStep.APPLIED_TO_MUNICIPALITY,
                start.plusMonths(1), "人吉市役所 防災課へ申請", null));
        var beforeApplied = assertThrows(InvalidInputException.class, () -> planSteps.recordPlanStep(testLoans.staff(),
                loan.id(), new PlanStepRecord(PlanStep.ACCEPTED_BY_MUNICIPALITY, start, null, null)));
        assertTrue(beforeApplied.getMessage().contains("作成申請日"), beforeApplied.getMessage());
        planSteps.recordPlanStep(testLoans.staff(), loan.id(), new PlanStepRecord(PlanStep.ACCEPTED_BY_MUNICIPALITY,
                start.plusMonths(2), null, null));
        Loan done = planSteps.recordPlanStep(testLoans.staff(), loan.id(), new PlanStepRecord(PlanStep.PLAN_COMPLETED,
                start.plusMonths(3), null, null));
        assertEquals(PlanStatus.COMPLETED, done.planStatus());
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM household_evacuation_plan_status WHERE loan_id = ? "
                + "AND plan_status = 'COMPLETED' AND applied_on = ? AND accepted_on = ? AND completed_on = ?",
                loan.id(), start.plusMonths(1), start.plusMonths(2), start.plusMonths(3)));
        var future = assertThrows(IllegalTransitionException.class, () -> planSteps.recordPlanStep(testLoans.staff(),
                loan.id(), new PlanStepRecord(PlanStep.PLAN_COMPLETED, start.plusMonths(3), null, null)));
        assertEquals(List.of(), future.extensions().get("allowedActions"));
    }

    @Test
    void theReturnGoesFromOpenToDeviceReceivedToEndedWithItsReasonAndTheDeviceIsAvailableAgain() {
        LocalDate start = LocalDate.of(2026, 4, 1);
        Loan loan = testLoans.loanStartedOn(start);
        clock.setDate(start.plusMonths(8));
        Loan open = returns.openReturn(testLoans.staff(), loan.id(),
                new ReturnRequest(ReturnReason.FAMILY_REQUEST, "ご家族が自費で購入", null, loan.version()));
        assertEquals(LoanState.RETURN_OPEN, open.state());
        var notYet = assertThrows(IllegalTransitionException.class, () -> returns.completeReturn(testLoans.staff(),
                loan.id(), new ReturnInspection(null, DeviceAfterReturn.AVAILABLE, null, null)));
        assertEquals(List.of("cancel-return", "receive-device", "end-with-device-lost", "record-plan-step", "record-incident"),
                notYet.extensions().get("allowedActions"));

        Loan received = returns.receiveDevice(testLoans.staff(), loan.id(), new DeviceReceipt(null, DeviceCondition.WORN, null, null));
        assertEquals(LoanState.DEVICE_RECEIVED, received.state());
        assertEquals(DeviceState.IN_INSPECTION, devices.get(loan.deviceId()).state());

        Loan ended = returns.completeReturn(testLoans.staff(), loan.id(),
                new ReturnInspection(null, DeviceAfterReturn.AVAILABLE, "動作確認済み", null));
        assertEquals(LoanState.ENDED, ended.state());
        assertEquals(start.plusMonths(8), ended.endedOn());
        assertEquals(ReturnReason.FAMILY_REQUEST, ended.returnReason());
        assertEquals(DeviceState.AVAILABLE, devices.get(loan.deviceId()).state());

        LifecycleEvent last = loans.timeline(loan.id()).get(loans.timeline(loan.id()).size() - 1);
        assertEquals("complete-return", last.action());
        assertEquals("DEVICE_RECEIVED", last.stateBefore());
        assertEquals("ENDED", last.stateAfter());
        assertEquals("ご家族の申し出", last.reason());
    }

    @Test
    void aDeviceReturnedDamagedGoesToRepairNotBackOnTheShelf() {
        Loan loan = testLoans.loanStartedOn(LocalDate.of(2026, 4, 1));
        clock.setDate(LocalDate.of(2026, 10, 1));
        returns.openReturn(testLoans.staff(), loan.id(), new ReturnRequest(ReturnReason.OTHER, null, null, null));
        returns.receiveDevice(testLoans.staff(), loan.id(), new DeviceReceipt(null, DeviceCondition.DAMAGED, "外装割れ", null));
        assertThrows(InvalidInputException.class, () -> returns.completeReturn(testLoans.staff(), loan.id(),
                new ReturnInspection(null, DeviceAfterReturn.AVAILABLE, null, null)));
        returns.completeReturn(testLoans.staff(), loan.id(), new ReturnInspection(null, DeviceAfterReturn.IN_REPAIR, null, null));
        assertEquals(DeviceState.IN_REPAIR, devices.get(loan.deviceId()).state());
    }

    @Test
    void aReturnOpenedByMistakeCanBeCancelledWithAReasonButNotOneForTheEndOfTheTerm() {
        LocalDate start = LocalDate.of(2026, 5, 11);
        Loan loan = testLoans.loanStartedOn(start);
        clock.setDate(start.plusMonths(2));
        returns.openReturn(testLoans.staff(), loan.id(), new ReturnRequest(ReturnReason.OTHER, "入力誤り", null, null));
        var blank = assertThrows(jakarta.validation.ConstraintViolationException.class,
                () -> returns.cancelReturn(testLoans.staff(), loan.id(), new Justification(" ", null)));
        assertTrue(blank.getMessage().contains("reason"), blank.getMessage());
        Loan back = returns.cancelReturn(testLoans.staff(), loan.id(), new Justification("別世帯の返還と取り違えたため", null));
        assertEquals(LoanState.ACTIVE, back.state());
        assertNull(back.returnReason());

        clock.setDate(LoanTermEnd.of(start));
        assertTrue(dueReturns.openDueReturns().opened().contains(loan.id()));
        var refused = assertThrows(IllegalTransitionException.class, () -> returns.cancelReturn(testLoans.staff(),
                loan.id(), new Justification("延長したいとの申し出", null)));
        assertEquals("RETURN_OPEN", refused.extensions().get("currentState"));
        assertTrue(!((List<?>) refused.extensions().get("allowedActions")).contains("cancel-return"));
    }

    @Test
    void reachingTheFiveYearEndOpensTheReturnOnThatDayAndNotBefore() {
        LocalDate start = LocalDate.of(2026, 6, 30);
        Loan loan = testLoans.loanStartedOn(start);
        clock.setDate(LocalDate.of(2031, 6, 29));
        assertTrue(!dueReturns.openDueReturns().opened().contains(loan.id()));
        assertEquals(LoanState.ACTIVE, loans.get(loan.id()).state());
        clock.setDate(LocalDate.of(2031, 6, 30));
        assertTrue(dueReturns.openDueReturns().opened().contains(loan.id()));
        Loan open = loans.get(loan.id());
        assertEquals(ReturnReason.TERM_ENDED, open.returnReason());
        assertEquals(LocalDate.of(2031, 6, 30), open.returnOpenedOn());
        assertTrue(!dueReturns.openDueReturns().opened().contains(loan.id()), "the sweep is idempotent");
    }

    @Test
    void aLostDeviceEndsTheLoanWithoutBeingReceivedAndIsWrittenOffOnlyOnceTheLossIsRecorded() throws Exception {
        LocalDate start = LocalDate.of(2026, 7, 6);
        Loan loan = testLoans.loanStartedOn(start);
        clock.setDate(start.plusMonths(5));
        var fromActive = assertThrows(IllegalTransitionException.class, () -> returns.endWithDeviceLost(testLoans.staff(),
                loan.id(), new LoanReturns.LossEnding(null, null, null)));
        assertTrue(fromActive.getMessage().contains("貸与中"), fromActive.getMessage());
        returns.openReturn(testLoans.staff(), loan.id(), new ReturnRequest(ReturnReason.DEVICE_LOST, "避難先で紛失", null, null));

        // no loss recorded yet: refused, nothing changed
        var unrecorded = assertThrows(jp.inochi.platform.problem.ConflictException.class, () -> returns.endWithDeviceLost(
                testLoans.staff(), loan.id(), new LoanReturns.LossEnding(null, null, null)));
        assertTrue(unrecorded.getMessage().contains("紛失が記録されていません"), unrecorded.getMessage());
        assertEquals(LoanState.RETURN_OPEN, loans.get(loan.id()).state());
        assertEquals(DeviceState.ON_LOAN, devices.get(loan.deviceId()).state());
        assertTrue(!loans.allowedActions(loans.get(loan.id())).contains("end-with-device-lost"), "not offered without a loss");

        LoanIncident loss = loanIncidents.recordIncident(testLoans.staff(), loan.id(), new NewIncident(start.plusMonths(5).minusDays(3),
                IncidentKind.LOSS, "避難所への移動中に紛失", 150000, true, "車両に固定せず運んだため"));
        assertTrue(loans.allowedActions(loans.get(loan.id())).contains("end-with-device-lost"), "offered once the loss is recorded");
        var beforeTheLoss = assertThrows(InvalidInputException.class, () -> returns.endWithDeviceLost(testLoans.staff(),
                loan.id(), new LoanReturns.LossEnding(loss.occurredOn().minusDays(1), null, null)));
        assertTrue(beforeTheLoss.getMessage().contains("紛失日"), beforeTheLoss.getMessage());

        Loan ended = returns.endWithDeviceLost(testLoans.staff(), loan.id(), new LoanReturns.LossEnding(null, "警察に遺失届済み", null));
        assertEquals(LoanState.ENDED, ended.state());
        assertEquals(start.plusMonths(5), ended.endedOn());
        assertNull(ended.deviceReceivedOn(), "the device never came back");
        assertEquals(DeviceState.RETIRED, devices.get(loan.deviceId()).state());
        assertTrue(loans.timeline(loan.id()).stream().anyMatch(e -> e.action().equals("end-with-device-lost")
                && "RETURN_OPEN".equals(e.stateBefore()) && "ENDED".equals(e.stateAfter())));
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM lifecycle_event WHERE subject_type = 'DEVICE' AND subject_id = ? "
                + "AND action = 'write-off-lost' AND state_after = 'RETIRED'", loan.deviceId()));
    }

    @Test
    void incidentsRecordCostAndLiabilityAndWearAndTearIsNeverChargedToTheFamily() {
        LocalDate start = LocalDate.of(2026, 7, 1);
        Loan loan = testLoans.loanStartedOn(start);
        clock.setDate(start.plusMonths(4));
        var malfunction = assertThrows(InvalidInputException.class, () -> loanIncidents.recordIncident(testLoans.staff(), loan.id(),
                new NewIncident(start.plusMonths(3), IncidentKind.MALFUNCTION, "始動しない", 12000, true, "取扱いの誤り")));
        assertTrue(malfunction.getMessage().contains("負担になりません"), malfunction.getMessage());
        var noReason = assertThrows(InvalidInputException.class, () -> loanIncidents.recordIncident(testLoans.staff(), loan.id(),
                new NewIncident(start.plusMonths(3), IncidentKind.DAMAGE, "転倒により外装破損", 30000, true, null)));
        assertTrue(noReason.getMessage().contains("理由"), noReason.getMessage());
        LoanIncident damage = loanIncidents.recordIncident(testLoans.staff(), loan.id(), new NewIncident(start.plusMonths(3),
                IncidentKind.DAMAGE, "転倒により外装破損", 30000, true, "屋外に固定せず保管していたため"));
        assertEquals(List.of(damage.id()), loans.incidents(loan.id()).stream().map(LoanIncident::id).toList());
        assertTrue(loans.timeline(loan.id()).stream().anyMatch(e -> e.action().equals("record-incident")
                && e.detail().contains("familyLiable=true")));
    }

    @Test
    void termsCanBeResentAndTheirAcceptanceTracked() throws Exception {
        LocalDate start = LocalDate.of(2026, 8, 3);
        Loan loan = testLoans.loanStartedOn(start);
        clock.setDate(start.plusDays(10));
        var inPerson = assertThrows(InvalidInputException.class, () -> termsAcceptances.resendTerms(testLoans.staff(), loan.id(),
                new TermsAcceptances.TermsResend(TermsChannel.IN_PERSON, null, null)));
        assertEquals("channel", ((jp.inochi.platform.problem.FieldError) ((List<?>) inPerson.extensions().get("errors")).get(0)).field());
        TermsAcceptance first = termsAcceptances.resendTerms(testLoans.staff(), loan.id(),
                new TermsAcceptances.TermsResend(TermsChannel.POST, "熊本県人吉市デモ町1-1", null));
        TermsAcceptance second = termsAcceptances.resendTerms(testLoans.staff(), loan.id(),
                new TermsAcceptances.TermsResend(TermsChannel.EMAIL, "family@example.jp", null));
        assertEquals(List.of(TermsAcceptanceState.ACCEPTED, TermsAcceptanceState.SUPERSEDED, TermsAcceptanceState.SENT),
                loans.termsAcceptances(loan.id()).stream().map(TermsAcceptance::state).toList());
        assertThrows(IllegalTransitionException.class, () -> termsAcceptances.acceptTerms(testLoans.staff(), loan.id(), first.id(),
                new TermsAcceptances.TermsAcceptedLater(TestLoans.termsAccepted(), null, null)));
        TermsAcceptance accepted = termsAcceptances.acceptTerms(testLoans.staff(), loan.id(), second.id(),
                new TermsAcceptances.TermsAcceptedLater(TestLoans.termsAccepted(), null, null));
        assertEquals(TermsAcceptanceState.ACCEPTED, accepted.state());
        assertEquals(start.plusDays(10), accepted.acceptedOn());
        // resent by post, superseded and resent by email, accepted: four steps on the loan's timeline that day
        assertEquals(4, Sql.queryForLong("SELECT count(*) FROM lifecycle_event WHERE loan_id = ? AND subject_type = 'TERMS_ACCEPTANCE' "
                + "AND action IN ('resend-terms', 'supersede', 'accept') AND effective_on = ?", loan.id(), start.plusDays(10)));
    }

    @Test
    void theTimelineTellsTheWholeStoryFromTheProgramApplicationWithWhoWhenAndStates() {
        Loan loan = testLoans.loanStartedOn(LocalDate.of(2026, 9, 1));
        List<LifecycleEvent> timeline = loans.timeline(loan.id());
        assertEquals(List.of("PROGRAM_APPLICATION:receive", "PROGRAM_APPLICATION:start-review", "PROGRAM_APPLICATION:approve",
                        "LOAN_APPLICATION:receive", "LOAN_APPLICATION:start-review", "LOAN_APPLICATION:approve",
                        "LOAN_APPLICATION:assign-device", "LOAN:start", "TERMS_ACCEPTANCE:accept", "LOAN_APPLICATION:hand-over"),
                timeline.stream().filter(e -> !e.subjectType().name().equals("DEVICE"))
                        .map(e -> e.subjectType() + ":" + e.action()).toList());
        assertTrue(timeline.stream().allMatch(e -> e.actorUsername() != null && e.occurredAt() != null && e.effectiveOn() != null));
    }

    @Test
    void historyCannotBeRewritten() throws Exception {
        Loan loan = testLoans.loanStartedOn(LocalDate.of(2026, 9, 2));
        assertThrows(java.sql.SQLException.class,
                () -> Sql.update("UPDATE lifecycle_event SET reason = 'x' WHERE loan_id = ?", loan.id()));
        assertThrows(java.sql.SQLException.class,
                () -> Sql.update("DELETE FROM lifecycle_event WHERE loan_id = ?", loan.id()));
    }

    @Test
    void aDeviceIsOnAtMostOneLoanThatHasNotEndedEvenIfTheServiceWereBypassed() throws Exception {
        Loan loan = testLoans.loanStartedOn(LocalDate.of(2026, 9, 3));
        Loan other = testLoans.loanStartedOn(LocalDate.of(2026, 9, 3));
        assertThrows(java.sql.SQLException.class,
                () -> Sql.update("UPDATE loan SET device_id = ? WHERE id = ?", loan.deviceId(), other.id()));
    }

    /** The last day of the term, as the domain computes it. */
    private static final class LoanTermEnd {
        static LocalDate of(LocalDate start) {
            return jp.inochi.loans.model.LoanTerm.maximumEnd(start);
        }
    }
}
