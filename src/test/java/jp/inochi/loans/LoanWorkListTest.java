package jp.inochi.loans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.inochi.access.Role;
import jp.inochi.loans.model.Obligation;
import jp.inochi.loans.model.PlanStep;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Problems;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLoans;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class LoanWorkListTest {

    @Inject
    LoanWorkList workList;

    @Inject
    LoanReturns returns;

    @Inject
    EvacuationPlanSteps planSteps;

    @Inject
    TestLoans testLoans;

    @Inject
    TestLogins logins;

    @Inject
    MovableClock clock;

    @Inject
    @Client("/")
    HttpClient http;

    private List<DueObligation> dueFor(long loanId, int days) {
        return workList.dueWithin(days).stream().filter(d -> d.loanId() == loanId).toList();
    }

    @Test
    void thePlanApplicationIsDueSixMonthsAfterTheStartAndOverdueTheDayAfter() {
        LocalDate start = LocalDate.of(2026, 1, 31);
        Loan loan = testLoans.loanStartedOn(start);
        clock.setDate(LocalDate.of(2026, 7, 1));
        assertEquals(List.of(), dueFor(loan.id(), 29));
        DueObligation due = dueFor(loan.id(), 30).get(0);
        assertEquals(Obligation.EVACUATION_PLAN_APPLICATION, due.obligation());
        assertEquals(LocalDate.of(2026, 7, 31), due.dueOn());
        assertEquals(30, due.daysUntilDue());
        assertFalse(due.overdue());

        clock.setDate(LocalDate.of(2026, 7, 31));
        assertFalse(dueFor(loan.id(), 0).get(0).overdue(), "the deadline day itself is not overdue");
        clock.setDate(LocalDate.of(2026, 8, 1));
        DueObligation late = workList.overdue(EnumSet.allOf(Obligation.class)).stream()
                .filter(d -> d.loanId() == loan.id()).findFirst().orElseThrow();
        assertTrue(late.overdue());
        assertEquals(-1, late.daysUntilDue());
    }

    @Test
    void anAppliedPlanLeavesTheListButTheYearlyCheckAndTheTermEndComeLater() {
        LocalDate start = LocalDate.of(2026, 1, 15);
        Loan loan = testLoans.loanStartedOn(start);
        clock.setDate(start.plusMonths(2));
        planSteps.recordPlanStep(testLoans.staff(), loan.id(), new EvacuationPlanSteps.PlanStepRecord(PlanStep.APPLIED_TO_MUNICIPALITY,
                start.plusMonths(1), null, null));
        assertEquals(List.of(), dueFor(loan.id(), 300));
        assertEquals(List.of(Obligation.YEARLY_CHECK), dueFor(loan.id(), 400).stream().map(DueObligation::obligation).toList());
        assertEquals(LocalDate.of(2027, 1, 15), dueFor(loan.id(), 400).get(0).dueOn());
        clock.setDate(LocalDate.of(2030, 12, 20));
        List<DueObligation> late = workList.dueWithin(30, Set.of(Obligation.LOAN_TERM_END)).stream()
                .filter(d -> d.loanId() == loan.id()).toList();
        assertEquals(LocalDate.of(2031, 1, 15), late.get(0).dueOn());
        assertEquals(26, late.get(0).daysUntilDue());
    }

    @Test
    void aLoanWhoseReturnIsOpenHasNoObligationsLeft() {
        LocalDate start = LocalDate.of(2026, 2, 10);
        Loan loan = testLoans.loanStartedOn(start);
        clock.setDate(start.plusMonths(7));
        assertFalse(dueFor(loan.id(), 0).isEmpty());
        returns.openReturn(testLoans.staff(), loan.id(), new LoanReturns.ReturnRequest(jp.inochi.loans.model.ReturnReason.FAMILY_REQUEST, null, null, null));
        assertEquals(List.of(), dueFor(loan.id(), 3650));
    }

    @Test
    void staffGetTheSheetOverHttpWithTheChildsNameAndTheReadIsAudited() throws Exception {
        LocalDate start = LocalDate.of(2026, 3, 3);
        Loan loan = testLoans.loanStartedOn(start);
        clock.setDate(LocalDate.of(2026, 9, 1));
        List<Map> sheet = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.GET("/api/loans/due?withinDays=7&obligation=EVACUATION_PLAN_APPLICATION")), Argument.listOf(Map.class));
        Map<?, ?> row = sheet.stream().filter(r -> ((Number) r.get("loanId")).longValue() == loan.id()).findFirst().orElseThrow();
        assertEquals("2026-09-03", row.get("dueOn"));
        assertEquals("個別避難計画の作成申請", row.get("obligationLabel"));
        assertEquals("熊本 ひかり", row.get("childName"));
        assertTrue(sheet.stream().allMatch(r -> "EVACUATION_PLAN_APPLICATION".equals(r.get("obligation"))));
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE household_id = ? AND resource = '/api/loans/due' "
                + "AND basis = 'CENTER'", loan.householdId()));
    }

    @Test
    void municipalOfficersCannotSeeTheCentersWorkList() {
        var refused = Problems.refused(() -> http.toBlocking().retrieve(
                logins.asOfficerOf("43203", HttpRequest.GET("/api/loans/due")), String.class));
        assertEquals(HttpStatus.FORBIDDEN, refused.getStatus());
    }
}
