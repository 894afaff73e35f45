package jp.inochi.hazards.model;

import java.util.Optional;

/** The flood duration ranks of KSJ A31 浸水継続時間 (domain.md: "from under 12 hours to 4 weeks or more"). */
public enum FloodDuration {
    UNDER_12_HOURS(1, "12時間未満"),
    UNDER_1_DAY(2, "12時間以上1日未満"),
    UNDER_3_DAYS(3, "1日以上3日未満"),
    UNDER_1_WEEK(4, "3日以上1週間未満"),
    UNDER_2_WEEKS(5, "1週間以上2週間未満"),
    UNDER_4_WEEKS(6, "2週間以上4週間未満"),
    FOUR_WEEKS_OR_MORE(7, "4週間以上");

    private final int rank;
    private final String label;

    FloodDuration(int rank, String label) {
        this.rank = rank;
        this.label = label;
    }

    public int rank() {
        return rank;
    }

    public String label() {
        return label;
    }

    public static Optional<FloodDuration> ofRank(int rank) {
        for (FloodDuration value : values()) {
            if (value.rank == rank) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
