package jp.inochi.evacuationplans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.List;
import jp.inochi.evacuationplans.model.PlanHazard;

/** What Inochi knows about the home today, shown beside the plan: hazards, shelter choices, power, device, coordinator. */
@Serdeable
public record HomeContext(List<HomeHazard> hazards, String hazardNotice, List<ShelterChoice> shelterChoices,
                          @Nullable BigDecimal autonomyHours, List<String> autonomyFlags, @Nullable String loanedDevice,
                          @Nullable BigDecimal fuelLitres,
                          @Nullable String coordinator) {

    /** The home's exposure to one hazard, with the layer version it was read from. */
    @Serdeable
    public record HomeHazard(PlanHazard hazard, String hazardLabel, String status, String label,
                             @Nullable String layerName, @Nullable Long layerVersionId, @Nullable Integer versionNo) {
        public boolean exposed() {
            return status.equals("IN_ZONE") || status.equals("NEAR");
        }
    }

    /** A shelter the family may choose for a hazard: straight-line distance, and whether it lies in that hazard's zone. */
    @Serdeable
    public record ShelterChoice(PlanHazard hazard, long shelterId, String name, String categoryLabel,
                                boolean welfareCandidate, long distanceM, boolean inHazardZone) {
    }
}
