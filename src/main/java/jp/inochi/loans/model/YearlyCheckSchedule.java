package jp.inochi.loans.model;

import java.time.LocalDate;

/** 定期的(年に1回程度)に確認 (seed 000, line 541): 12 months after the last check, the first 12 months after the start. */
public final class YearlyCheckSchedule {
    public static final int MONTHS = 12;

    private YearlyCheckSchedule() {
    }

    public static LocalDate nextDue(LocalDate loanStart, LocalDate lastCheck) {
        return (lastCheck == null ? loanStart : lastCheck).plusMonths(MONTHS);
    }
}
