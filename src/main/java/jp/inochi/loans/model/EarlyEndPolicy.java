package jp.inochi.loans.model;

import java.time.LocalDate;
import java.util.Optional;

/** When a running loan must end before its time, or at it (seed 000, lines 503, 562-563). */
public final class EarlyEndPolicy {
    public static final String KUMAMOTO = "43";

    private EarlyEndPolicy() {
    }

    /** What the household's current facts say: moved out (line 562) or weaned off the ventilator (line 563). */
    public static Optional<ReturnReason> fromHousehold(String prefectureCode, boolean ventilatorDependent) {
        if (!KUMAMOTO.equals(prefectureCode)) {
            return Optional.of(ReturnReason.MOVED_OUT_OF_PREFECTURE);
        }
        if (!ventilatorDependent) {
            return Optional.of(ReturnReason.WEANED_OFF_VENTILATOR);
        }
        return Optional.empty();
    }

    /**
     * 最長で5年間 (line 503): the end of the term is a fact of the calendar, so it is a reason to open the return only
     * from the loan's last day on ({@code maxEndDate}, which the child's earlier loans may have brought forward).
     */
    public static boolean termEndedBy(LocalDate maxEndDate, LocalDate on) {
        return !on.isBefore(maxEndDate);
    }

    /** The 5-year end has come (line 503). */
    public static Optional<ReturnReason> fromTerm(LocalDate start, LocalDate today) {
        return LoanTerm.reached(start, today) ? Optional.of(ReturnReason.TERM_ENDED) : Optional.empty();
    }
}
