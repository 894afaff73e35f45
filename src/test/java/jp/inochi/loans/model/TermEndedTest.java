package jp.inochi.loans.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TermEndedTest {

    @Test
    void termEndedIsAReasonOnlyFromTheLoansLastDayOn() {
        LocalDate lastDay = LoanTerm.maximumEnd(LocalDate.of(2026, 8, 31));
        assertFalse(EarlyEndPolicy.termEndedBy(lastDay, lastDay.minusDays(1)));
        assertTrue(EarlyEndPolicy.termEndedBy(lastDay, lastDay));
    }
}
