package jp.inochi.applications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import jp.inochi.access.Role;
import jp.inochi.applications.ProgramApplications.Approval;
import jp.inochi.applications.ProgramApplications.NewProgramApplication;
import jp.inochi.applications.ProgramApplications.OverrideInput;
import jp.inochi.applications.model.IneligibilityReason;
import jp.inochi.applications.model.ProgramApplicationState;
import jp.inochi.households.Household;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.LifecycleEvent;
import jp.inochi.platform.problem.ConflictException;
import jp.inochi.platform.problem.IllegalTransitionException;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ProgramApplicationLifecycleTest {
    private static final String HITOYOSHI = "43203";
    private static final String YATSUSHIRO = "43202";

    @Inject
    ProgramApplications applications;

    @Inject
    TestHouseholds households;

    @Inject
    TestLogins logins;

    @Inject
    MovableClock clock;

    Actor staff;

    @BeforeEach
    void staffAt20251120() {
        clock.setDate(LocalDate.of(2025, 11, 20));
        staff = Actor.of(logins.viewer(Role.CENTER_STAFF));
    }

    private ProgramApplication received(Household household) {
        return applications.receive(staff, new NewProgramApplication(household.id(), LocalDate.of(2025, 11, 4), null, null, "窓口で受付"));
    }

    @Test
    void receivedReviewedAskedResumedAndApprovedWithEveryStepRecorded() throws Exception {
        Household household = households.living(HITOYOSHI, true);
        ProgramApplication a = received(household);
        assertEquals(ProgramApplicationState.RECEIVED, a.state());
        a = applications.startReview(staff, a.id(), StepCommand.today());
        a = applications.requestInformation(staff, a.id(), new InformationRequest("退院証明書の写しをお送りください", null, a.version()));
        assertEquals(ProgramApplicationState.INFORMATION_REQUESTED, a.state());
        a = applications.resumeReview(staff, a.id(), new StepCommand("退院証明書を受領", null, null));
        a = applications.approve(staff, a.id(), new Approval(List.of(), LocalDate.of(2025, 11, 18), null, a.version()));
        assertEquals(ProgramApplicationState.APPROVED, a.state());
        assertEquals(LocalDate.of(2025, 11, 18), a.decidedOn());

        List<LifecycleEvent> history = applications.history(a.id());
        assertEquals(List.of("receive", "start-review", "request-information", "resume-review", "approve"),
                history.stream().map(LifecycleEvent::action).toList());
        LifecycleEvent asked = history.get(2);
        assertEquals("UNDER_REVIEW", asked.stateBefore());
        assertEquals("INFORMATION_REQUESTED", asked.stateAfter());
        assertEquals("退院証明書の写しをお送りください", asked.reason());
        assertEquals(staff.userId(), asked.actorUserId());
        assertEquals(LocalDate.of(2025, 11, 18), history.get(4).effectiveOn());
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE household_id = ? AND action = 'TRANSITION' "
                + "AND detail = 'approve UNDER_REVIEW→APPROVED'", household.id()));
    }

    @Test
    void approvingAFamilyInASubsidyMunicipalityNeedsTheExceptionReasonOrAJustification() {
        Household household = households.living(YATSUSHIRO, true);
        ProgramApplication a = applications.startReview(staff, received(household).id(), StepCommand.today());
        long id = a.id();
        var refused = assertThrows(InvalidInputException.class,
                () -> applications.approve(staff, id, new Approval(null, null, null, null)));
        assertTrue(refused.getMessage().contains("助成制度"), refused.getMessage());

        applications.recordSubsidyException(staff, id, new ProgramApplications.SubsidyException(
                "市の助成は身体障害者手帳が条件で、お子さんは手帳の対象外のため", null));
        ProgramApplication approved = applications.approve(staff, id, new Approval(null, null, null, null));
        assertEquals(ProgramApplicationState.APPROVED, approved.state());
        assertTrue(approved.eligibilityAtDecision().contains("\"subsidyExceptionApplied\":true"), approved.eligibilityAtDecision());
    }

    @Test
    void staffMayOverrideANamedReasonOnlyWithAWrittenJustification() throws Exception {
        Household household = households.living(HITOYOSHI, true);
        Sql.update("UPDATE household SET ventilator_off_minutes_per_day = 45 WHERE id = ?", household.id());
        long id = applications.startReview(staff, received(household).id(), StepCommand.today()).id();

        var tooShort = assertThrows(InvalidInputException.class, () -> applications.approve(staff, id, new Approval(
                List.of(new OverrideInput(IneligibilityReason.VENTILATOR_OFF_TOO_LONG, "問題なし")), null, null, null)));
        assertEquals("overrides.VENTILATOR_OFF_TOO_LONG", errorFields(tooShort).get(0));

        var notApplicable = assertThrows(InvalidInputException.class, () -> applications.approve(staff, id, new Approval(
                List.of(new OverrideInput(IneligibilityReason.NICU_OUTSIDE_KUMAMOTO, "県外NICUだが県内病院に転院済み")),
                null, null, null)));
        assertTrue(errorFields(notApplicable).contains("overrides[0].reason"));

        ProgramApplication approved = applications.approve(staff, id, new Approval(List.of(new OverrideInput(
                IneligibilityReason.VENTILATOR_OFF_TOO_LONG, "主治医意見書：入浴時のみ45分外す。夜間は常時装着")), null, null, null));
        assertEquals(ProgramApplicationState.APPROVED, approved.state());
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM eligibility_override WHERE program_application_id = ? "
                + "AND reason_code = 'VENTILATOR_OFF_TOO_LONG' AND overridden_by = ?", id, staff.userId()));
    }

    @Test
    void staffCannotOverrideADischargeBeforeProgramStartButACenterAdminCanWithAReasonAndItIsRecorded() throws Exception {
        Household household = households.living(HITOYOSHI, true);
        Sql.update("UPDATE household SET nicu_discharge_date = DATE '2025-03-20' WHERE id = ?", household.id());
        long id = applications.startReview(staff, received(household).id(), StepCommand.today()).id();
        List<OverrideInput> override = List.of(new OverrideInput(IneligibilityReason.DISCHARGED_BEFORE_PROGRAM_START,
                "県と協議し、3月末退院の事情を考慮して例外とする"));
        var refused = assertThrows(InvalidInputException.class,
                () -> applications.approve(staff, id, new Approval(override, null, null, null)));
        assertEquals(List.of("overrides.DISCHARGED_BEFORE_PROGRAM_START"), errorFields(refused));
        assertTrue(refused.getMessage().contains("センター管理者"), refused.getMessage());

        Actor admin = Actor.of(logins.viewer(Role.CENTER_ADMIN));
        assertEquals(ProgramApplicationState.APPROVED,
                applications.approve(admin, id, new Approval(override, null, null, null)).state());
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM eligibility_override WHERE program_application_id = ? "
                + "AND reason_code = 'DISCHARGED_BEFORE_PROGRAM_START' AND overridden_by = ?", id, admin.userId()));
    }

    @Test
    void theSubsidyExceptionGivenAtIntakeNeedsTenCharactersLikeTheDedicatedAction() {
        Household household = households.living(YATSUSHIRO, true);
        var atIntake = assertThrows(InvalidInputException.class, () -> applications.receive(staff,
                new NewProgramApplication(household.id(), LocalDate.of(2025, 11, 4), null, "無", null)));
        assertEquals(List.of("subsidyExceptionReason"), errorFields(atIntake));
        long id = received(household).id();
        var inAction = assertThrows(InvalidInputException.class, () -> applications.recordSubsidyException(staff, id,
                new ProgramApplications.SubsidyException("無", null)));
        assertEquals(atIntake.getMessage(), inAction.getMessage());
    }

    @Test
    void rejectionNeedsAReasonAndEndsTheApplication() {
        Household household = households.living(HITOYOSHI, true);
        long id = applications.startReview(staff, received(household).id(), StepCommand.today()).id();
        ProgramApplication rejected = applications.reject(staff, id, new Refusal("退院日が令和7年4月1日より前のため", null, null));
        assertEquals(ProgramApplicationState.REJECTED, rejected.state());
        var illegal = assertThrows(IllegalTransitionException.class,
                () -> applications.withdraw(staff, id, new Refusal("ご家族の申し出", null, null)));
        assertEquals("REJECTED", illegal.extensions().get("currentState"));
    }

    @Test
    void approvingWithoutReviewIsAnIllegalTransitionNamingTheAllowedActions() {
        Household household = households.living(HITOYOSHI, true);
        long id = received(household).id();
        var illegal = assertThrows(IllegalTransitionException.class,
                () -> applications.approve(staff, id, new Approval(null, null, null, null)));
        assertEquals("RECEIVED", illegal.extensions().get("currentState"));
        assertEquals(List.of("start-review", "record-subsidy-exception", "withdraw"), illegal.extensions().get("allowedActions"));
    }

    @Test
    void withdrawnApplicationsCanBeFollowedByANewOneButTwoOpenOnesCannot() {
        Household household = households.living(HITOYOSHI, true);
        long id = received(household).id();
        assertThrows(ConflictException.class, () -> received(household));
        applications.withdraw(staff, id, new Refusal("ご家族の申し出により取下げ", null, null));
        assertEquals(ProgramApplicationState.RECEIVED, received(household).state());
    }

    @Test
    void anApplicationCannotBeReceivedBeforeTheCenterOpenedOrInTheFuture() {
        Household household = households.living(HITOYOSHI, true);
        var early = assertThrows(InvalidInputException.class, () -> applications.receive(staff,
                new NewProgramApplication(household.id(), LocalDate.of(2025, 10, 30), null, null, null)));
        assertEquals(List.of("receivedOn"), errorFields(early));
        var future = assertThrows(InvalidInputException.class, () -> applications.receive(staff,
                new NewProgramApplication(household.id(), LocalDate.of(2025, 11, 21), null, null, null)));
        assertTrue(future.getMessage().contains("未来の日付"), future.getMessage());
    }

    @Test
    void aDecisionCannotPredateTheApplication() {
        Household household = households.living(HITOYOSHI, true);
        long id = applications.startReview(staff, received(household).id(), StepCommand.today()).id();
        var early = assertThrows(InvalidInputException.class, () -> applications.approve(staff, id,
                new Approval(null, LocalDate.of(2025, 11, 3), null, null)));
        assertEquals(List.of("decidedOn"), errorFields(early));
    }

    @Test
    void aDischargeOn31March2025IsNamedIneligibleAndOneOn1AprilIsEligible() throws Exception {
        Household march = households.living(HITOYOSHI, true);
        Household april = households.living(HITOYOSHI, true);
        Sql.update("UPDATE household SET nicu_discharge_date = DATE '2025-03-31' WHERE id = ?", march.id());
        Sql.update("UPDATE household SET nicu_discharge_date = DATE '2025-04-01' WHERE id = ?", april.id());
        var marchReasons = applications.eligibility(received(march)).reasons();
        assertEquals(List.of(IneligibilityReason.DISCHARGED_BEFORE_PROGRAM_START),
                marchReasons.stream().map(r -> r.reason()).toList());
        assertTrue(marchReasons.get(0).detail().contains("令和7年3月31日（2025年3月31日）"), marchReasons.get(0).detail());
        assertTrue(applications.eligibility(received(april)).eligible());
    }

    @SuppressWarnings("unchecked")
    static List<String> errorFields(InvalidInputException e) {
        return ((List<jp.inochi.platform.problem.FieldError>) e.extensions().get("errors")).stream()
                .map(jp.inochi.platform.problem.FieldError::field).toList();
    }
}
