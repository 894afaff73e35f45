package jp.inochi.loans;

import java.math.BigDecimal;
import java.time.LocalDate;
import jp.inochi.lifecycle.Actor;

/**
 * A demo loan's passed yearly check. Checks are the inspections feature's, which depends on loans; it records this
 * one for the demo, at the point of the loan's story where it happened.
 */
public interface DemoYearlyCheck {
    void record(Actor staff, long loanId, LocalDate on, BigDecimal fuelLitres, boolean testRunPassed);
}
