package jp.inochi.hazards.model;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The flood depth ranks 1-6 of KSJ A31a/A31b (domain.md, "Hazard data": under 0.5 m / 0.5-3 m / 3-5 m /
 * 5-10 m / 10-20 m / 20 m or more), with the standard legend colours. Tsunami and storm-surge depths are placed
 * on the same scale by the lower bound of their band, so every depth hazard compares on one severity.
 */
public enum FloodDepthRank {
    UNDER_0_5(1, "0", "0.5", "#F7F5A9"),
    FROM_0_5_TO_3(2, "0.5", "3.0", "#FFD8C0"),
    FROM_3_TO_5(3, "3.0", "5.0", "#FFB7B7"),
    FROM_5_TO_10(4, "5.0", "10.0", "#FF9191"),
    FROM_10_TO_20(5, "10.0", "20.0", "#F285C9"),
    FROM_20(6, "20.0", null, "#DC7ADC");

    private final int rank;
    private final DepthRange depth;
    private final String colour;

    FloodDepthRank(int rank, String min, String max, String colour) {
        this.rank = rank;
        this.depth = new DepthRange(new BigDecimal(min), max == null ? null : new BigDecimal(max));
        this.colour = colour;
    }

    public int rank() {
        return rank;
    }

    public DepthRange depth() {
        return depth;
    }

    /** The standard legend colour of the rank (国土交通省 ハザードマップ作成の手引き). */
    public String colour() {
        return colour;
    }

    public String label() {
        return depth.label();
    }

    public static Optional<FloodDepthRank> ofRank(int rank) {
        for (FloodDepthRank value : values()) {
            if (value.rank == rank) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** The rank whose band holds the lower bound of the given depth band. */
    public static FloodDepthRank holding(DepthRange range) {
        FloodDepthRank found = UNDER_0_5;
        for (FloodDepthRank value : values()) {
            if (range.min().compareTo(value.depth.min()) >= 0) {
                found = value;
            }
        }
        return found;
    }
}
