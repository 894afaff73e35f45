package jp.inochi.evacuationplans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.inochi.evacuationplans.model.EvacuationPlan;
import jp.inochi.evacuationplans.model.PlanFinding;
import jp.inochi.evacuationplans.model.PlanState;

/**
 * A household's plan as shown: the current version, or (before any is saved) the prefilled draft marked unsaved; the
 * fields Inochi filled, the open 見直しが必要 reasons, what the rules found, what Inochi knows about the home now, and
 * the plan status of the loan (applied, accepted, completed) it completes.
 */
@Serdeable
public record PlanDocument(long householdId, boolean saved, PlanState state, String stateLabel, @Nullable Integer version,
                           @Nullable Instant savedAt, @Nullable String savedByName, boolean reviewNeeded,
                           @Nullable String reviewLabel,
                           List<ReviewNote> reviewReasons, @Nullable LocalDate nextReviewOn, EvacuationPlan plan,
                           List<String> prefilled, List<PlanFinding> findings, HomeContext home,
                           @Nullable PlanStatusLink planStatus) {

    public static final String REVIEW_NEEDED = "見直しが必要";

    /** The existing plan status of the family's running loan (GET /api/evacuation-plans/{householdId}). */
    @Serdeable
    public record PlanStatusLink(long loanId, String planStatus, String planStatusLabel, LocalDate planDeadline,
                                 @Nullable LocalDate completedOn, String href) {
    }
}
