package jp.inochi.loans.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.inochi.loans.model.FiveYearsPerChild.EarlierLoan;
import org.junit.jupiter.api.Test;

class FiveYearsPerChildTest {

    @Test
    void aFirstLoanRunsTheFullFiveYears() {
        LocalDate start = LocalDate.of(2026, 4, 1);
        assertEquals(Optional.of(LoanTerm.maximumEnd(start)), FiveYearsPerChild.maximumEnd(start, List.of()));
    }

    @Test
    void secondLoanForTheSameChildRunsOnlyForTheRemainingMonths() {
        EarlierLoan first = new EarlierLoan(LocalDate.of(2026, 4, 1), LocalDate.of(2028, 4, 1));
        assertEquals(Optional.of(LocalDate.of(2032, 5, 10)),
                FiveYearsPerChild.maximumEnd(LocalDate.of(2029, 5, 10), List.of(first)));
    }

    @Test
    void aMonthBegunOnAnEarlierLoanCountsAsUsed() {
        EarlierLoan first = new EarlierLoan(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 2));
        assertEquals(3, FiveYearsPerChild.monthsUsed(List.of(first)));
    }

    @Test
    void nothingRemainsOnceTheChildsFiveYearsAreUsed() {
        List<EarlierLoan> earlier = List.of(new EarlierLoan(LocalDate.of(2026, 4, 1), LocalDate.of(2029, 4, 1)),
                new EarlierLoan(LocalDate.of(2029, 6, 1), LocalDate.of(2031, 6, 1)));
        assertEquals(Optional.empty(), FiveYearsPerChild.maximumEnd(LocalDate.of(2031, 8, 1), earlier));
    }
}
