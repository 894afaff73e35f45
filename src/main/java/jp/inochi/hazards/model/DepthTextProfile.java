package jp.inochi.hazards.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * KSJ A40 tsunami and A49 storm-surge inundation: the depth is a text such as {@code 1.0m以上2.0m未満}
 * ({@code A40_003}; domain.md, "Hazard data"), parsed into its bounds and placed on the depth-rank scale 1-6 by its
 * lower bound. A whole number 1-6 is read as a depth rank.
 */
public final class DepthTextProfile implements HazardProfile {
    private final HazardType type;
    private final String namedField;

    public DepthTextProfile(HazardType type, String namedField) {
        if (type != HazardType.TSUNAMI && type != HazardType.STORM_SURGE) {
            throw new IllegalArgumentException("depth text profiles are for tsunami and storm surge: " + type);
        }
        this.type = type;
        this.namedField = namedField;
    }

    @Override
    public String code() {
        return type == HazardType.TSUNAMI ? "A40" : "A49";
    }

    @Override
    public HazardType hazardType() {
        return type;
    }

    List<String> candidates() {
        return type == HazardType.TSUNAMI ? List.of("A40_003", "depth_label", "depth")
                : List.of("A49_003", "A49_004", "depth_label", "depth");
    }

    @Override
    public ZoneClassifier bind(Collection<String> fieldNames) throws ProfileMismatch {
        String field = Fields.require(fieldNames, namedField, candidates(), "浸水深");
        return new ZoneClassifier() {
            @Override
            public ZoneSeverity classify(Map<String, Object> attributes) throws AttributeProblem {
                return depth(field, attributes.get(field));
            }

            @Override
            public String fieldsUsed() {
                return field;
            }
        };
    }

    static ZoneSeverity depth(String field, Object value) throws AttributeProblem {
        Optional<DepthRange> range = value instanceof Number ? Optional.empty() : DepthRange.parse(Fields.text(value));
        if (range.isPresent()) {
            return ZoneSeverity.depth(FloodDepthRank.holding(range.get()), range.get());
        }
        Optional<FloodDepthRank> rank = Fields.integer(value).flatMap(FloodDepthRank::ofRank);
        if (rank.isPresent()) {
            return ZoneSeverity.depth(rank.get(), rank.get().depth());
        }
        throw new AttributeProblem(field, "浸水深を読み取れません。「1.0m以上2.0m未満」のような深さか、1〜6のランクです（値: "
                + Fields.shown(value) + "）");
    }
}
