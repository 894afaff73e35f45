package jp.inochi.evacuationplans;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import jp.inochi.evacuationplans.model.ReviewReason;
import jp.inochi.exposure.ExposureReadings;
import jp.inochi.exposure.HazardExposure;
import jp.inochi.hazards.HazardLayerReplaced;
import jp.inochi.hazards.model.HazardType;

/**
 * A new hazard layer version that changes a home's exposure marks that home's plan 見直しが必要. The import recomputes
 * exposure inside its transaction; the comparison with the exposure saved with the plan waits for the commit.
 */
@Singleton
class ExposureChangeTriggers {
    private final PlanStore store;
    private final ExposureReadings exposures;
    private final ReviewTriggers reviews;
    private final AfterCommit afterCommit;

    ExposureChangeTriggers(PlanStore store, ExposureReadings exposures, ReviewTriggers reviews, AfterCommit afterCommit) {
        this.store = store;
        this.exposures = exposures;
        this.reviews = reviews;
        this.afterCommit = afterCommit;
    }

    @EventListener
    void layerReplaced(HazardLayerReplaced event) {
        // the import recomputes exposure inside its transaction: compare once it committed
        afterCommit.run("hazard layer version " + event.versionId(), () -> compare(event.hazardType(), event.versionId()));
    }

    void compare(HazardType type, long versionId) {
        Map<Long, List<String>> saved = store.savedExposures();
        if (saved.isEmpty()) {
            return;
        }
        exposures.forHouseholds(saved.keySet()).forEach((householdId, now) -> {
            String current = snapshot(now).stream().filter(entry -> entry.startsWith(type.name() + "=")).findFirst().orElse(null);
            String before = saved.get(householdId).stream().filter(entry -> entry.startsWith(type.name() + "=")).findFirst().orElse(null);
            if (before != null && current != null && !before.equals(current)) {
                reviews.raise(householdId, ReviewReason.HAZARD_CHANGED, type.label() + ": " + before.substring(before.indexOf('=') + 1)
                        + " → " + current.substring(current.indexOf('=') + 1) + "（区域図の版 " + versionId + "）");
            }
        });
    }

    /** The home's exposure as saved with a plan version: one "TYPE=text" entry per hazard type. */
    static List<String> snapshot(List<HazardExposure> exposures) {
        return exposures.stream().map(exposure -> exposure.hazardType().name() + "=" + exposure.text()).toList();
    }
}
