package jp.inochi.evacuationplans.model;

import jp.inochi.hazards.model.HazardType;

/** The hazards a plan says where to go for; earthquake has no mapped zones, the others are Inochi's hazard layers. */
public enum PlanHazard {
    FLOOD("洪水", HazardType.FLOOD),
    LANDSLIDE("土砂災害", HazardType.LANDSLIDE),
    TSUNAMI("津波", HazardType.TSUNAMI),
    STORM_SURGE("高潮", HazardType.STORM_SURGE),
    EARTHQUAKE("地震", null);

    private final String label;
    private final HazardType zoneType;

    PlanHazard(String label, HazardType zoneType) {
        this.label = label;
        this.zoneType = zoneType;
    }

    public String label() {
        return label;
    }

    /** The hazard layer type whose zones matter for this hazard, or null when none is mapped (earthquake). */
    public HazardType zoneType() {
        return zoneType;
    }
}
