package jp.inochi.evacuationplans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import jp.inochi.evacuationplans.model.ReviewReason;

/** An open 見直しが必要: why, what changed, and when Inochi noticed it. */
@Serdeable
public record ReviewNote(ReviewReason reason, String reasonLabel, @Nullable String detail, Instant raisedAt) {
}
