package jp.inochi.testruns.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the monthly test-run email goes, and to which loans (policy: test by the 15th, email 5 days before at 10:00). */
class MonthlyTestRunScheduleTest {
    private final TestRunPolicy policy = new TestRunPolicy(15, 5, LocalTime.of(10, 0), 45);

    @Test
    void theEmailGoesDaysBeforeTheTestDayAtTheSendHourInJapan() {
        YearMonth july = YearMonth.of(2026, 7);
        assertEquals(LocalDate.of(2026, 7, 15), policy.testOn(july));
        assertEquals(LocalDate.of(2026, 7, 10), policy.sendOn(july));
        assertEquals(Instant.parse("2026-07-10T01:00:00Z"), policy.notBefore(july));
    }

    @Test
    void nothingIsAskedBeforeTheMonthsSendDay() {
        assertEquals(Optional.empty(), policy.monthToAsk(LocalDate.of(2026, 7, 9)));
    }

    @Test
    void fromTheSendDayToTheMonthsEndTheMonthIsAskedSoAStoppedServiceCatchesUp() {
        assertEquals(Optional.of(YearMonth.of(2026, 7)), policy.monthToAsk(LocalDate.of(2026, 7, 10)));
        assertEquals(Optional.of(YearMonth.of(2026, 7)), policy.monthToAsk(LocalDate.of(2026, 7, 31)));
    }

    @Test
    void aLoanHandedOverOnOrAfterTheSendDayIsFirstAskedTheNextMonth() {
        YearMonth july = YearMonth.of(2026, 7);
        assertTrue(policy.asksLoanStartedOn(LocalDate.of(2026, 7, 9), july));
        assertFalse(policy.asksLoanStartedOn(LocalDate.of(2026, 7, 10), july));
        assertTrue(policy.asksLoanStartedOn(LocalDate.of(2026, 7, 10), july.plusMonths(1)));
    }
}
