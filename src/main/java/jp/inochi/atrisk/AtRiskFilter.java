package jp.inochi.atrisk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import jp.inochi.hazards.model.HazardType;

/**
 * Which households the at-risk list keeps: in a zone of the hazard type (any type when null) at or above the
 * severity, and, unless a minimum severity was asked for, those near a landslide zone too; and, when given, only
 * those whose 個別避難計画 status is one of {@code planStatuses} (NOT_APPLIED, APPLIED, ACCEPTED, COMPLETED, NONE).
 */
@Serdeable
public record AtRiskFilter(@Nullable HazardType hazardType, int minSeverity, boolean includeNear,
                           @Nullable List<String> planStatuses) {

    public static final List<String> PLAN_STATUSES = List.of("NOT_APPLIED", "APPLIED", "ACCEPTED", "COMPLETED", "NONE");

    public static AtRiskFilter everything() {
        return new AtRiskFilter(null, 1, true, null);
    }
}
