package jp.inochi.disasters.model;

import java.util.List;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.lifecycle.Labelled;

/**
 * What kind of disaster an event is, and which mapped hazards threaten a home in it. Water outages are an event type
 * of their own because plans made only for power cuts miss them (seed 002, line 9016). Outages have no hazard of their
 * own: every mapped hazard at home counts.
 */
public enum EventType implements Labelled {
    TYPHOON("台風", List.of(HazardType.FLOOD, HazardType.LANDSLIDE, HazardType.STORM_SURGE), "TYPHOON"),
    HEAVY_RAIN("大雨", List.of(HazardType.FLOOD, HazardType.LANDSLIDE), "HEAVY_RAIN"),
    EARTHQUAKE("地震", List.of(HazardType.LANDSLIDE, HazardType.TSUNAMI), "EARTHQUAKE"),
    POWER_OUTAGE("停電", List.of(HazardType.values()), "OTHER"),
    WATER_OUTAGE("断水", List.of(HazardType.values()), "OTHER");

    private final String label;
    private final List<HazardType> threats;
    private final String declaredHazard;

    EventType(String label, List<HazardType> threats, String declaredHazard) {
        this.label = label;
        this.threats = threats;
        this.declaredHazard = declaredHazard;
    }

    @Override
    public String label() {
        return label;
    }

    /** The hazard types whose zones at home make a family more urgent in this event. */
    public List<HazardType> threats() {
        return threats;
    }

    /** The hazard a declaration for this event names (the declarations feature's list): the event's own kind where listed. */
    public String declaredHazard() {
        return declaredHazard;
    }

    /** Whether the power is out from the start (the outage clock starts with the event). */
    public boolean isPowerOutage() {
        return this == POWER_OUTAGE;
    }
}
