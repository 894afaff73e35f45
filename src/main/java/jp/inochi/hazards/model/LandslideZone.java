package jp.inochi.hazards.model;

import java.util.Optional;

/**
 * KSJ A33 土砂災害警戒区域 (domain.md, "Hazard data"): {@code A33_002} 1 is the warning zone (yellow),
 * 2 the special warning zone (red), which is the higher severity.
 */
public enum LandslideZone {
    WARNING(1, "土砂災害警戒区域", "イエロー", "#FFE34D"),
    SPECIAL_WARNING(2, "土砂災害特別警戒区域", "レッド", "#E5323E");

    private final int code;
    private final String label;
    private final String colourName;
    private final String colour;

    LandslideZone(int code, String label, String colourName, String colour) {
        this.code = code;
        this.label = label;
        this.colourName = colourName;
        this.colour = colour;
    }

    /** The severity on the landslide scale equals the A33_002 code: red (2) is worse than yellow (1). */
    public int severity() {
        return code;
    }

    public String label() {
        return label + "（" + colourName + "）";
    }

    public String colour() {
        return colour;
    }

    public static Optional<LandslideZone> ofCode(int code) {
        for (LandslideZone value : values()) {
            if (value.code == code) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** KSJ A33 {@code A33_001}: what kind of movement the zone is for. */
    public enum Phenomenon {
        STEEP_SLOPE(1, "急傾斜地の崩壊"),
        DEBRIS_FLOW(2, "土石流"),
        LANDSLIDE(3, "地すべり");

        private final int code;
        private final String label;

        Phenomenon(int code, String label) {
            this.code = code;
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Optional<Phenomenon> ofCode(int code) {
            for (Phenomenon value : values()) {
                if (value.code == code) {
                    return Optional.of(value);
                }
            }
            return Optional.empty();
        }
    }
}
