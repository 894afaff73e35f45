package jp.inochi.hazards.model;

import java.util.List;

/**
 * The fill colour of a zone on maps: the standard flood-depth legend for flood (国土交通省「水害ハザードマップ作成の
 * 手引き」), yellow/red for landslides, and scales of their own for tsunami and storm surge so that neither is read as
 * a river flood where the zones overlap.
 */
public final class Legend {
    /**
     * Tsunami depth ranks 1-6, light blue to deep purple. Not a published standard: no 手引き colour table for
     * tsunami depth could be found to cite, so this is our own clearly distinct blue-purple scale.
     */
    static final List<String> TSUNAMI = List.of("#D6EEFA", "#9CCFF0", "#5FA8E0", "#3C72C8", "#4B3FA6", "#4A1F7A");
    /** Storm-surge depth ranks 1-6, light aqua to deep teal: our own scale too, unlike both flood and tsunami. */
    static final List<String> STORM_SURGE = List.of("#D4F4EC", "#9DE2D2", "#5CC6B4", "#2C9E94", "#1B7379", "#0F4A5C");

    private Legend() {
    }

    public static String colour(HazardType type, int severity) {
        return switch (type) {
            case LANDSLIDE -> LandslideZone.ofCode(severity).map(LandslideZone::colour).orElse("#FFE34D");
            case TSUNAMI -> TSUNAMI.get(Math.max(1, Math.min(severity, TSUNAMI.size())) - 1);
            case STORM_SURGE -> STORM_SURGE.get(Math.max(1, Math.min(severity, STORM_SURGE.size())) - 1);
            case FLOOD -> FloodDepthRank.ofRank(severity).map(FloodDepthRank::colour).orElse("#DC7ADC");
        };
    }
}
