package jp.inochi.evacuationplans;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import jp.inochi.evacuationplans.model.PlanState;

/** One saved version of a household's plan (without its content): who saved it and when; the current one marked. */
@Serdeable
public record PlanVersion(int version, PlanState state, String stateLabel, String savedByName, Instant savedAt,
                          boolean current, List<String> prefilled) {
}
