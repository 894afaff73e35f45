package jp.inochi.hazards.model;

/** The fill colour of a zone on maps: the standard flood-depth legend for depth hazards, yellow/red for landslides. */
public final class Legend {
    private Legend() {
    }

    public static String colour(HazardType type, int severity) {
        if (type == HazardType.LANDSLIDE) {
            return LandslideZone.ofCode(severity).map(LandslideZone::colour).orElse("#FFE34D");
        }
        return FloodDepthRank.ofRank(severity).map(FloodDepthRank::colour).orElse("#DC7ADC");
    }
}
