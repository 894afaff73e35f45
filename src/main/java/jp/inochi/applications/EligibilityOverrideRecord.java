package jp.inochi.applications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import jp.inochi.applications.model.IneligibilityReason;

/** A reason staff set aside when approving, with their written justification. */
@Serdeable
@MappedEntity("eligibility_override")
public record EligibilityOverrideRecord(
        @Id @GeneratedValue @Nullable Long id,
        long programApplicationId,
        IneligibilityReason reasonCode,
        String justification,
        long overriddenBy,
        Instant overriddenAt) {
}
