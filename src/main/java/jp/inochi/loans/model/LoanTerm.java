package jp.inochi.loans.model;

import java.time.LocalDate;

/** 最長で5年間貸与 (seed 000, line 503); N months from a start end on {@code start.plusMonths(N)} (民法 140/143). */
public final class LoanTerm {
    public static final int MAXIMUM_MONTHS = 60;

    private LoanTerm() {
    }

    /** 2028-02-29 → 2033-02-28. */
    public static LocalDate maximumEnd(LocalDate start) {
        return start.plusMonths(MAXIMUM_MONTHS);
    }

    /** The term is over on its last day: the return opens then. */
    public static boolean reached(LocalDate start, LocalDate today) {
        return !today.isBefore(maximumEnd(start));
    }
}
