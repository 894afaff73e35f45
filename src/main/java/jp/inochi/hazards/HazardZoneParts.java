package jp.inochi.hazards;

/** How areas are cut for fast point-in-polygon, shared by the layers that store areas. */
public final class HazardZoneParts {
    /** See {@link HazardZoneTarget#SMALL_OR_SUBDIVIDED}: a polygon d.geom as it is, or subdivided. Parameters: N, N, N. */
    public static final String SMALL_OR_SUBDIVIDED = HazardZoneTarget.SMALL_OR_SUBDIVIDED;

    private HazardZoneParts() {
    }
}
