package jp.inochi.loans.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoanDatesTest {

    @Test
    void loanStartedOn31AugustHasPlanDeadlineOn28February() {
        assertEquals(LocalDate.of(2026, 2, 28), EvacuationPlanDeadline.of(LocalDate.of(2025, 8, 31)));
    }

    @Test
    void loanStartedOn31AugustOfALeapYearEveHasPlanDeadlineOn29February() {
        assertEquals(LocalDate.of(2028, 2, 29), EvacuationPlanDeadline.of(LocalDate.of(2027, 8, 31)));
    }

    @Test
    void loanStartedOnLeapDay2028EndsAtMostOn28February2033() {
        assertEquals(LocalDate.of(2033, 2, 28), LoanTerm.maximumEnd(LocalDate.of(2028, 2, 29)));
    }

    @Test
    void aFiveYearTermEndsOnTheCorrespondingDayFiveYearsLater() {
        assertEquals(LocalDate.of(2030, 11, 20), LoanTerm.maximumEnd(LocalDate.of(2025, 11, 20)));
    }

    @Test
    void theTermIsReachedOnItsLastDayNotTheDayBefore() {
        LocalDate start = LocalDate.of(2025, 11, 20);
        assertFalse(LoanTerm.reached(start, LocalDate.of(2030, 11, 19)));
        assertTrue(LoanTerm.reached(start, LocalDate.of(2030, 11, 20)));
        assertEquals(Optional.of(ReturnReason.TERM_ENDED), EarlyEndPolicy.fromTerm(start, LocalDate.of(2030, 11, 20)));
    }

    @Test
    void theFirstYearlyCheckIsDueTwelveMonthsAfterTheStartAndEachNextTwelveMonthsAfterTheLast() {
        LocalDate start = LocalDate.of(2028, 2, 29);
        assertEquals(LocalDate.of(2029, 2, 28), YearlyCheckSchedule.nextDue(start, null));
        assertEquals(LocalDate.of(2030, 1, 15), YearlyCheckSchedule.nextDue(start, LocalDate.of(2029, 1, 15)));
    }

    @Test
    void aMoveToFukuokaEndsTheLoanAndSoDoesWeaning() {
        assertEquals(Optional.of(ReturnReason.MOVED_OUT_OF_PREFECTURE), EarlyEndPolicy.fromHousehold("40", true));
        assertEquals(Optional.of(ReturnReason.WEANED_OFF_VENTILATOR), EarlyEndPolicy.fromHousehold("43", false));
        assertEquals(Optional.empty(), EarlyEndPolicy.fromHousehold("43", true));
    }

    @Test
    void planStepsFollowEachOtherInOrder() {
        assertEquals(PlanStatus.APPLIED, PlanStep.LIFECYCLE.next(PlanStatus.NOT_APPLIED, PlanStep.APPLIED_TO_MUNICIPALITY));
        assertFalse(PlanStep.LIFECYCLE.allows(PlanStatus.NOT_APPLIED, PlanStep.PLAN_COMPLETED));
        assertEquals(PlanStatus.COMPLETED, PlanStatus.of(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 3, 1)));
    }

    @Test
    void onlyLossOrDamageCanBeChargedToTheFamily() {
        assertTrue(IncidentKind.LOSS.familyMayBeLiable());
        assertTrue(IncidentKind.DAMAGE.familyMayBeLiable());
        assertFalse(IncidentKind.MALFUNCTION.familyMayBeLiable());
    }
}
