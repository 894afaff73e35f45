package jp.inochi.exposure;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Viewer;
import jp.inochi.web.Form;
import jp.inochi.web.PageSection;

/** The household page's hazard exposure: part of the same scoped, audited read of the household. */
@Singleton
final class HouseholdExposureSection implements PageSection {
    private final ExposureReadings exposures;

    HouseholdExposureSection(ExposureReadings exposures) {
        this.exposures = exposures;
    }

    @Override
    public String page() {
        return HOUSEHOLD_PAGE;
    }

    @Override
    public void addTo(Map<String, Object> model, Viewer viewer, long householdId, Form form) {
        model.put("exposures", exposures.forHouseholds(List.of(householdId)).getOrDefault(householdId, List.of()));
        model.put("exposureNotice", HazardExposure.NOTICE);
    }
}
