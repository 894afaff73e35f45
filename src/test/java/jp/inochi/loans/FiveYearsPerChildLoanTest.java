package jp.inochi.loans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import jp.inochi.households.Household;
import jp.inochi.loans.LoanTermExceptions.TermExceptionRequest;
import jp.inochi.platform.problem.ConflictException;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLoans;
import org.junit.jupiter.api.Test;

/** 最長で5年間貸与 (seed 000, line 503) counts every loan of the child, at the handover of a second loan. */
@MicronautTest(transactional = false)
class FiveYearsPerChildLoanTest {

    @Inject
    LoanApplications applications;

    @Inject
    LoanTermExceptions termExceptions;

    @Inject
    TestLoans testLoans;

    @Inject
    TestHouseholds households;

    private static void ended(Loan loan, LocalDate on) throws Exception {
        Sql.update("UPDATE loan SET state = 'ENDED', return_reason = 'FAMILY_REQUEST', return_opened_on = ?, "
                + "ended_on = ? WHERE id = ?", on, on, loan.id());
    }

    @Test
    void secondLoanForTheSameChildRunsOnlyForTheRemainingMonths() throws Exception {
        Household household = households.living(TestLoans.HITOYOSHI, true);
        ended(testLoans.loanStartedOn(household, LocalDate.of(2026, 4, 1)), LocalDate.of(2028, 4, 1));
        Loan second = testLoans.loanStartedOn(household, LocalDate.of(2029, 5, 10));
        assertEquals(LocalDate.of(2032, 5, 10), second.maxEndDate());
    }

    @Test
    void aLoanIsRefusedWhenTheChildsFiveYearsAreUsedUp() throws Exception {
        Household household = households.living(TestLoans.HITOYOSHI, true);
        ended(testLoans.loanStartedOn(household, LocalDate.of(2026, 4, 1)), LocalDate.of(2031, 4, 1));
        LoanApplication assigned = testLoans.deviceAssigned(household, testLoans.device(), LocalDate.of(2031, 6, 1));
        var refused = assertThrows(ConflictException.class, () -> applications.handOver(testLoans.staff(), assigned.id(),
                new LoanApplications.Handover(LocalDate.of(2031, 6, 1), TestLoans.termsAccepted(), null, null)));
        assertTrue(refused.getMessage().contains("残っていません"), refused.getMessage());
    }

    @Test
    void onlyACenterAdminGrantsAFullTermAndOnlyWithAReasonOfTenCharacters() throws Exception {
        Household household = households.living(TestLoans.HITOYOSHI, true);
        ended(testLoans.loanStartedOn(household, LocalDate.of(2026, 4, 1)), LocalDate.of(2031, 4, 1));
        LocalDate start = LocalDate.of(2031, 6, 1);
        LoanApplication assigned = testLoans.deviceAssigned(household, testLoans.device(), start);
        assertThrows(InvalidInputException.class, () -> termExceptions.record(testLoans.staff(), assigned.id(),
                new TermExceptionRequest("県の判断により再度5年間の貸与を認める")));
        assertThrows(InvalidInputException.class, () -> termExceptions.record(testLoans.admin(), assigned.id(),
                new TermExceptionRequest("県の判断")));
        termExceptions.record(testLoans.admin(), assigned.id(), new TermExceptionRequest("県の判断により再度5年間の貸与を認める"));
        Loan loan = applications.handOver(testLoans.staff(), assigned.id(),
                new LoanApplications.Handover(start, TestLoans.termsAccepted(), null, null));
        assertEquals(LocalDate.of(2036, 6, 1), loan.maxEndDate());
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM lifecycle_event WHERE subject_type = 'LOAN_APPLICATION' "
                + "AND subject_id = ? AND action = 'record-term-exception'", assigned.id()));
    }
}
