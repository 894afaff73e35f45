package jp.inochi.hazards.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The hazard types a layer can map, each with the top of its common severity scale (migration V30 holds the same).
 * Depth hazards share the flood depth-rank scale 1-6; landslide zones are 1 (yellow) or 2 (red).
 */
public enum HazardType {
    FLOOD("洪水", 6),
    LANDSLIDE("土砂災害", 2),
    TSUNAMI("津波", 6),
    STORM_SURGE("高潮", 6);

    private final String label;
    private final int maxSeverity;

    HazardType(String label, int maxSeverity) {
        this.label = label;
        this.maxSeverity = maxSeverity;
    }

    public String label() {
        return label;
    }

    public int maxSeverity() {
        return maxSeverity;
    }

    /** Accepts the code in any case ({@code flood}, {@code FLOOD}) or the Japanese label (洪水). */
    public static Optional<HazardType> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String wanted = text.strip();
        for (HazardType type : values()) {
            if (type.name().equals(wanted.toUpperCase(Locale.ROOT).replace('-', '_')) || type.label.equals(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
