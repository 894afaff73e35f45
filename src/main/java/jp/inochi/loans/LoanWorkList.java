package jp.inochi.loans;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.inochi.loans.model.Obligation;
import jp.inochi.platform.time.JapanTime;

/**
 * The "due and overdue" sheet of running loans (seed 000, lines 503, 540, 541), read from the {@code loan_obligation}
 * view with today's date from the Clock. The reminders and the dashboard call it; it changes nothing.
 */
@Singleton
public class LoanWorkList {
    private final LoanRepository loans;
    private final Clock clock;

    LoanWorkList(LoanRepository loans, Clock clock) {
        this.loans = loans;
        this.clock = clock;
    }

    /** Every obligation due within {@code days} days from today, and every overdue one. */
    public List<DueObligation> dueWithin(int days) {
        return dueWithin(days, EnumSet.allOf(Obligation.class));
    }

    public List<DueObligation> dueWithin(int days, Set<Obligation> obligations) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        LocalDate today = JapanTime.today(clock);
        return loans.findObligationsDueBy(today.plusDays(days)).stream()
                .map(row -> due(row, today))
                .filter(due -> obligations.contains(due.obligation()))
                .toList();
    }

    /** Only those past their due date. */
    public List<DueObligation> overdue(Set<Obligation> obligations) {
        LocalDate today = JapanTime.today(clock);
        return loans.findObligationsDueBy(today.minusDays(1)).stream()
                .map(row -> due(row, today))
                .filter(due -> obligations.contains(due.obligation()))
                .toList();
    }

    private static DueObligation due(ObligationRow row, LocalDate today) {
        Obligation obligation = Obligation.valueOf(row.obligation());
        long days = ChronoUnit.DAYS.between(today, row.dueOn());
        return new DueObligation(row.loanId(), row.householdId(), obligation, obligation.label(), row.dueOn(), days, days < 0);
    }
}
