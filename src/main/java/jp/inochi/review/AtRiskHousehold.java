package jp.inochi.review;

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
                              @Nullable Place place) {

    /** Where the home lies by the boundary layers, and whether that differs from the stated municipality. */
    @Serdeable
    public record Place(@Nullable String locatedMunicipalityCode, @Nullable String locatedWardCode, boolean mismatch,
                        @Nullable String mismatchReason, @Nullable String mismatchLabel) {
    }
}
