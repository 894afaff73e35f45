package jp.inochi.evacuationplans.model;

import java.time.LocalDate;

/** A plan is reviewed at least yearly (issue 14): the next review is 12 months after it was last saved. */
public final class PlanReview {
    public static final int MONTHS_BETWEEN_REVIEWS = 12;

    private PlanReview() {
    }

    public static LocalDate nextDue(LocalDate savedOn) {
        return savedOn.plusMonths(MONTHS_BETWEEN_REVIEWS);
    }
}
