package jp.inochi.atrisk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import jp.inochi.access.AccessBasis;
import jp.inochi.exposure.HazardExposure;

/** One household of a municipality's at-risk list, with its exposure to every hazard type. */
@Serdeable
public record AtRiskHousehold(long id, AccessBasis basis, String childName, String childNameKana, String address,
                              String municipalityCode, @Nullable String wardCode, boolean ventilatorDependent,
                              double longitude, double latitude, List<HazardExposure> exposures,
                              @Nullable Place place, EvacuationPlan evacuationPlanStatus) {

    /**
     * The 個別避難計画 status from the loans feature's view {@code household_evacuation_plan_status}: NOT_APPLIED,
     * APPLIED, ACCEPTED, COMPLETED, or NONE for a household without a running loan. {@code overdue}: not applied
     * and the application deadline (6 months after the loan start) has passed.
     */
    @Serdeable
    public record EvacuationPlan(String status, String label, @Nullable java.time.LocalDate deadline, boolean overdue) {
    }

    /** Where the home lies by the boundary layers, and whether that differs from the stated municipality. */
    @Serdeable
    public record Place(@Nullable String locatedMunicipalityCode, @Nullable String locatedWardCode, boolean mismatch,
                        @Nullable String mismatchReason, @Nullable String mismatchLabel) {
    }
}
