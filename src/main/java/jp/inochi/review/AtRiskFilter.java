package jp.inochi.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jp.inochi.hazards.model.HazardType;

/**
 * Which households the at-risk list keeps: in a zone of the hazard type (any type when null) at or above the
 * severity, and, unless a minimum severity was asked for, those near a landslide zone too.
 */
@Serdeable
public record AtRiskFilter(@Nullable HazardType hazardType, int minSeverity, boolean includeNear) {

    public static AtRiskFilter everything() {
        return new AtRiskFilter(null, 1, true);
    }
}
