package jp.inochi.evacuationplans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.inochi.evacuationplans.model.PlanState;

/** One household in the officers' list of plans: where its plan stands and when it is next reviewed. */
@Serdeable
public record PlanListRow(long householdId, String childName, String address, @Nullable String municipalityCode,
                          PlanState state, String stateLabel, @Nullable Integer version, @Nullable Instant savedAt,
                          @Nullable LocalDate nextReviewOn, boolean reviewOverdue, List<String> reviewReasons,
                          boolean reviewNeeded) {
}
