package jp.inochi.evacuationplans;

import io.micronaut.core.annotation.Nullable;
import java.util.Arrays;
import java.util.Optional;
import jp.inochi.evacuationplans.model.PlanState;

/** The statuses officers filter the list of plans by: the three plan states, and 見直しが必要 across them. */
public enum PlanListStatus {
    NOT_STARTED("未作成", PlanState.UNSAVED),
    DRAFT("下書き", PlanState.DRAFT),
    COMPLETED("作成済", PlanState.COMPLETED),
    REVIEW_NEEDED(PlanDocument.REVIEW_NEEDED, null);

    private final String label;
    private final PlanState state;

    PlanListStatus(String label, @Nullable PlanState state) {
        this.label = label;
        this.state = state;
    }

    public String label() {
        return label;
    }

    @Nullable
    public PlanState state() {
        return state;
    }

    static PlanListStatus of(PlanState state) {
        return Arrays.stream(values()).filter(status -> status.state == state).findFirst().orElseThrow();
    }

    /** The status named in a query parameter; blank or unknown is none (all statuses). */
    static Optional<PlanListStatus> parse(@Nullable String name) {
        return Arrays.stream(values()).filter(status -> status.name().equals(name)).findFirst();
    }
}
