package jp.inochi.reminders;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import jp.inochi.loans.model.Obligation;

/**
 * The 個別避難計画 reviews of the staff digest, by municipality. There is no digest for municipal officers yet, so the
 * center's digest lists them grouped by municipality for the center to pass on to each officer.
 */
final class PlanReviewsByMunicipality {
    private PlanReviewsByMunicipality() {
    }

    /** Moves the plan reviews out of the digest's other lists, sorted by municipality and due date. */
    @SafeVarargs
    static List<Map<String, Object>> takeFrom(List<Map<String, Object>>... lists) {
        List<Map<String, Object>> reviews = new ArrayList<>();
        for (List<Map<String, Object>> list : lists) {
            list.removeIf(row -> Obligation.EVACUATION_PLAN_REVIEW.name().equals(row.get("obligation")) && reviews.add(row));
        }
        reviews.sort(Comparator.comparing((Map<String, Object> row) -> String.valueOf(row.get("municipality")))
                .thenComparing(row -> String.valueOf(row.get("due_on"))));
        return reviews;
    }
}
