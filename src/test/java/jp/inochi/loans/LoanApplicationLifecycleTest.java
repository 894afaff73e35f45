package jp.inochi.loans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import jp.inochi.applications.ProgramApplication;
import jp.inochi.applications.StepCommand;
import jp.inochi.applications.ProgramApplications;
import jp.inochi.devices.Device;
import jp.inochi.devices.DeviceCondition;
import jp.inochi.devices.DeviceState;
import jp.inochi.devices.Devices;
import jp.inochi.devices.FuelType;
import jp.inochi.households.Household;
import jp.inochi.loans.LoanApplications.DeviceAssignment;
import jp.inochi.loans.LoanApplications.Handover;
import jp.inochi.loans.LoanApplications.NewLoanApplication;
import jp.inochi.applications.Refusal;
import jp.inochi.loans.model.LoanApplicationState;
import jp.inochi.loans.model.LoanState;
import jp.inochi.platform.problem.ConflictException;
import jp.inochi.platform.problem.IllegalTransitionException;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLoans;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class LoanApplicationLifecycleTest {
    private static final LocalDate DAY = LocalDate.of(2026, 1, 15);

    @Inject
    LoanApplications applications;

    @Inject
    ProgramApplications programs;

    @Inject
    Devices devices;

    @Inject
    TestLoans testLoans;

    @Inject
    TestHouseholds households;

    @Inject
    MovableClock clock;

    private Household household() {
        return households.living(TestLoans.HITOYOSHI, true);
    }

    @Test
    void aLoanApplicationForAnUnapprovedProgramApplicationIsAnIllegalTransition() {
        clock.setDate(DAY);
        ProgramApplication underReview = programs.startReview(testLoans.staff(), programs.receive(testLoans.staff(),
                new ProgramApplications.NewProgramApplication(household().id(), DAY, null, null, null)).id(),
                StepCommand.today());
        var refused = assertThrows(IllegalTransitionException.class, () -> applications.receive(testLoans.staff(),
                new NewLoanApplication(underReview.id(), DAY, null)));
        assertEquals("UNDER_REVIEW", refused.extensions().get("currentState"));
        assertEquals(List.of("request-information", "record-subsidy-exception", "approve", "reject", "withdraw"),
                refused.extensions().get("allowedActions"));
        assertTrue(refused.detail().contains("承認されてから"), refused.detail());
    }

    @Test
    void receivedReviewedApprovedAssignedAndHandedOverStartsTheLoanAndLendsTheDevice() throws Exception {
        Household household = household();
        Device device = testLoans.device();
        LoanApplication assigned = testLoans.deviceAssigned(household, device, DAY);
        assertEquals(LoanApplicationState.DEVICE_ASSIGNED, assigned.state());
        assertEquals(DeviceState.RESERVED, devices.get(device.id()).state());

        clock.setDate(DAY.plusDays(3));
        Loan loan = applications.handOver(testLoans.staff(), assigned.id(),
                new Handover(DAY.plusDays(2), TestLoans.termsAccepted(), "ご自宅で説明し引渡し", assigned.version()));
        assertEquals(LoanState.ACTIVE, loan.state());
        assertEquals(DAY.plusDays(2), loan.startDate());
        assertEquals(DeviceState.ON_LOAN, devices.get(device.id()).state());
        assertEquals(LoanApplicationState.HANDED_OVER, applications.get(assigned.id()).state());
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM terms_acceptance WHERE loan_id = ? AND state = 'ACCEPTED' "
                + "AND running_costs_accepted AND repair_liability_accepted AND accepted_by_name = '熊本 美咲'", loan.id()));
        assertEquals(List.of("receive", "start-review", "approve", "assign-device", "hand-over"),
                applications.history(assigned.id()).stream().map(e -> e.action()).toList());
    }

    @Test
    void aDeviceAlreadyOnLoanCannotBeAssignedToAnotherFamily() {
        Loan first = testLoans.loanStartedOn(DAY);
        LoanApplication second = testLoans.approvedLoanApplication(household(), DAY);
        var refused = assertThrows(IllegalTransitionException.class, () -> applications.assignDevice(testLoans.staff(),
                second.id(), new DeviceAssignment(first.deviceId(), null, null)));
        assertEquals("ON_LOAN", refused.extensions().get("currentState"));
        assertTrue(refused.detail().startsWith("「貸与中」の装置に「貸与申請への割当」は行えません"), refused.detail());
        assertEquals(LoanApplicationState.APPROVED, applications.get(second.id()).state());
    }

    @Test
    void handingOverTwiceIsAnIllegalTransition() {
        LoanApplication assigned = testLoans.deviceAssigned(household(), testLoans.device(), DAY);
        applications.handOver(testLoans.staff(), assigned.id(), new Handover(DAY, TestLoans.termsAccepted(), null, null));
        var refused = assertThrows(IllegalTransitionException.class, () -> applications.handOver(testLoans.staff(),
                assigned.id(), new Handover(DAY, TestLoans.termsAccepted(), null, null)));
        assertEquals("HANDED_OVER", refused.extensions().get("currentState"));
    }

    @Test
    void aSquareWaveGeneratorIsNeverLentForAVentilator() {
        clock.setDate(DAY);
        Device squareWave = devices.register(testLoans.staff(), new Devices.DeviceDetails("SQ-" + System.nanoTime(),
                "テスト", "矩形波モデル", 900, false, FuelType.GASOLINE, new BigDecimal("2.0"), new BigDecimal("4.0"),
                LocalDate.of(2025, 1, 1), DeviceCondition.GOOD, null, null));
        LoanApplication approved = testLoans.approvedLoanApplication(household(), DAY);
        assertThrows(ConflictException.class, () -> applications.assignDevice(testLoans.staff(), approved.id(),
                new DeviceAssignment(squareWave.id(), null, null)));
        assertEquals(DeviceState.AVAILABLE, devices.get(squareWave.id()).state());
    }

    @Test
    void aLoanCannotStartBeforeItWasApproved() {
        LoanApplication assigned = testLoans.deviceAssigned(household(), testLoans.device(), DAY);
        var refused = assertThrows(InvalidInputException.class, () -> applications.handOver(testLoans.staff(),
                assigned.id(), new Handover(DAY.minusDays(1), TestLoans.termsAccepted(), null, null)));
        List<String> messages = ((List<?>) refused.extensions().get("errors")).stream()
                .map(e -> ((jp.inochi.platform.problem.FieldError) e).field() + ":" + ((jp.inochi.platform.problem.FieldError) e).message())
                .toList();
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("startDate:貸与決定日（令和8年1月15日（2026年1月15日））より前")), messages.toString());
        assertEquals(LoanApplicationState.DEVICE_ASSIGNED, applications.get(assigned.id()).state());
    }

    @Test
    void aLoanCannotStartInTheFuture() {
        LoanApplication assigned = testLoans.deviceAssigned(household(), testLoans.device(), DAY);
        var refused = assertThrows(InvalidInputException.class, () -> applications.handOver(testLoans.staff(),
                assigned.id(), new Handover(DAY.plusDays(1), TestLoans.termsAccepted(), null, null)));
        assertTrue(refused.getMessage().contains("未来の日付"), refused.getMessage());
    }

    @Test
    void theHandoverNeedsTheFamilysAcceptanceOfBothTerms() {
        LoanApplication assigned = testLoans.deviceAssigned(household(), testLoans.device(), DAY);
        var refused = assertThrows(ConstraintViolationException.class, () -> applications.handOver(testLoans.staff(),
                assigned.id(), new Handover(DAY, new TermsAccepted(true, false, "熊本 美咲"), null, null)));
        assertTrue(refused.getMessage().contains("修理費用"), refused.getMessage());
        assertEquals(LoanApplicationState.DEVICE_ASSIGNED, applications.get(assigned.id()).state());
    }

    @Test
    void aFamilyThatMovedOutBeforeTheHandoverGetsNoLoan() throws Exception {
        Household household = household();
        LoanApplication assigned = testLoans.deviceAssigned(household, testLoans.device(), DAY);
        Sql.update("UPDATE household SET prefecture_code = '40', municipality_code = NULL, ward_code = NULL WHERE id = ?",
                household.id());
        assertThrows(ConflictException.class, () -> applications.handOver(testLoans.staff(), assigned.id(),
                new Handover(DAY, TestLoans.termsAccepted(), null, null)));
        assertEquals(DeviceState.RESERVED, devices.get(assigned.deviceId()).state());
    }

    @Test
    void withdrawingAfterTheAssignmentReleasesTheDevice() {
        Device device = testLoans.device();
        LoanApplication assigned = testLoans.deviceAssigned(household(), device, DAY);
        LoanApplication withdrawn = applications.withdraw(testLoans.staff(), assigned.id(), new Refusal("ご家族が市の助成で購入", null, null));
        assertEquals(LoanApplicationState.WITHDRAWN, withdrawn.state());
        assertEquals(null, withdrawn.deviceId());
        assertEquals(DeviceState.AVAILABLE, devices.get(device.id()).state());
    }

    @Test
    void releasingTheDeviceGoesBackToApprovedAndTheDeviceToAvailable() {
        Device device = testLoans.device();
        LoanApplication assigned = testLoans.deviceAssigned(household(), device, DAY);
        LoanApplication released = applications.releaseDevice(testLoans.staff(), assigned.id(), StepCommand.today());
        assertEquals(LoanApplicationState.APPROVED, released.state());
        assertEquals(DeviceState.AVAILABLE, devices.get(device.id()).state());
    }

    @Test
    void aRejectedLoanApplicationAllowsNothingMore() {
        clock.setDate(DAY);
        ProgramApplication program = testLoans.approvedProgram(household(), DAY);
        LoanApplication received = applications.receive(testLoans.staff(), new NewLoanApplication(program.id(), DAY, null));
        assertThrows(ConflictException.class, () -> applications.receive(testLoans.staff(), new NewLoanApplication(program.id(), DAY, null)));
        applications.startReview(testLoans.staff(), received.id(), StepCommand.today());
        LoanApplication rejected = applications.reject(testLoans.staff(), received.id(), new Refusal("在庫の装置がないため", null, null));
        var refused = assertThrows(IllegalTransitionException.class, () -> applications.approve(testLoans.staff(),
                rejected.id(), new LoanApplications.Decision(null, null, null)));
        assertEquals(List.of(), refused.extensions().get("allowedActions"));
        assertEquals(LoanApplicationState.RECEIVED, applications.receive(testLoans.staff(),
                new NewLoanApplication(program.id(), DAY, "再申請")).state());
    }

    @Test
    void aLoanApplicationCannotPredateTheProgramApproval() {
        clock.setDate(DAY);
        ProgramApplication program = testLoans.approvedProgram(household(), DAY);
        var refused = assertThrows(InvalidInputException.class, () -> applications.receive(testLoans.staff(),
                new NewLoanApplication(program.id(), DAY.minusDays(1), null)));
        assertTrue(refused.getMessage().contains("承認日"), refused.getMessage());
    }

    @Test
    void aFamilyStillInTheNicuIsApprovedOnItsPlannedDischargeAndHandedOverOnlyOnceTheChildIsHome() throws Exception {
        clock.setDate(DAY);
        Household household = household();
        Sql.update("UPDATE household SET nicu_discharge_date = NULL WHERE id = ?", household.id());
        ProgramApplication program = programs.receive(testLoans.staff(), new ProgramApplications.NewProgramApplication(
                household.id(), DAY, LocalDate.of(2026, 2, 1), null, "NICU入院中に申請"));
        programs.startReview(testLoans.staff(), program.id(), StepCommand.today());
        ProgramApplication approved = programs.approve(testLoans.staff(), program.id(),
                new ProgramApplications.Approval(List.of(), null, null, null));
        assertEquals(LocalDate.of(2026, 2, 1), approved.plannedDischargeDate());
        LoanApplication received = applications.receive(testLoans.staff(), new NewLoanApplication(program.id(), DAY, null));
        applications.startReview(testLoans.staff(), received.id(), StepCommand.today());
        applications.approve(testLoans.staff(), received.id(), new LoanApplications.Decision(null, null, null));
        LoanApplication assigned = applications.assignDevice(testLoans.staff(), received.id(),
                new DeviceAssignment(testLoans.device().id(), null, null));

        LocalDate home = DAY.plusMonths(1);
        clock.setDate(home);
        var inNicu = assertThrows(ConflictException.class, () -> applications.handOver(testLoans.staff(), assigned.id(),
                new Handover(home, TestLoans.termsAccepted(), null, null)));
        assertTrue(inNicu.getMessage().contains("退院日"), inNicu.getMessage());
        Sql.update("UPDATE household SET nicu_discharge_date = ?, lives_at_home = false WHERE id = ?", home, household.id());
        var notHome = assertThrows(ConflictException.class, () -> applications.handOver(testLoans.staff(), assigned.id(),
                new Handover(home, TestLoans.termsAccepted(), null, null)));
        assertTrue(notHome.getMessage().contains("在宅"), notHome.getMessage());
        Sql.update("UPDATE household SET lives_at_home = true WHERE id = ?", household.id());
        assertEquals(LoanState.ACTIVE, applications.handOver(testLoans.staff(), assigned.id(),
                new Handover(home, TestLoans.termsAccepted(), null, null)).state());
    }
}
