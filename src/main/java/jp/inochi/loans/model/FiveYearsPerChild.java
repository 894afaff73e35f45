package jp.inochi.loans.model;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * 最長で5年間貸与 (seed 000, line 503): the five years belong to the child, so every earlier loan counts and a new
 * loan runs only for what remains. A month begun on an earlier loan counts as used.
 */
public final class FiveYearsPerChild {

    /** An earlier loan of the same child, from its start to the day it ended. */
    public record EarlierLoan(LocalDate start, LocalDate end) {
    }

    private FiveYearsPerChild() {
    }

    public static int monthsUsed(List<EarlierLoan> earlier) {
        return earlier.stream().mapToInt(loan -> {
            Period period = Period.between(loan.start(), loan.end());
            return (int) period.toTotalMonths() + (period.getDays() > 0 ? 1 : 0);
        }).sum();
    }

    public static int monthsRemaining(List<EarlierLoan> earlier) {
        return Math.max(0, LoanTerm.MAXIMUM_MONTHS - monthsUsed(earlier));
    }

    /** The last day of a loan starting on {@code start}, or empty when the child's five years are used up. */
    public static Optional<LocalDate> maximumEnd(LocalDate start, List<EarlierLoan> earlier) {
        int remaining = monthsRemaining(earlier);
        return remaining == 0 ? Optional.empty() : Optional.of(start.plusMonths(remaining));
    }
}
