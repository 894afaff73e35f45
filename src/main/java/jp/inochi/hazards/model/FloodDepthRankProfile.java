package jp.inochi.hazards.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * KSJ A31a/A31b flood inundation zones: the depth rank 1-6 is the severity (domain.md, "Hazard data"), with the
 * duration rank where the file has one. The rank field is the one the person names, or the first of the known
 * names the file has; a text rank such as {@code 3.0m以上5.0m未満} is read as the band it names.
 */
public final class FloodDepthRankProfile implements HazardProfile {
    static final List<String> RANK_FIELDS = List.of("depth_rank", "A31b_201", "A31b_101", "A31a_205", "A31a_105",
            "A31_205", "A31_105", "rank");
    static final List<String> DURATION_FIELDS = List.of("duration_rank", "A31b_301", "A31a_305", "A31_305");

    private final String namedField;

    public FloodDepthRankProfile(String namedField) {
        this.namedField = namedField;
    }

    @Override
    public String code() {
        return "A31";
    }

    @Override
    public HazardType hazardType() {
        return HazardType.FLOOD;
    }

    @Override
    public ZoneClassifier bind(Collection<String> fieldNames) throws ProfileMismatch {
        String rankField = Fields.require(fieldNames, namedField, RANK_FIELDS, "浸水深ランク");
        Optional<String> durationField = Fields.find(fieldNames, DURATION_FIELDS);
        return new ZoneClassifier() {
            @Override
            public ZoneSeverity classify(Map<String, Object> attributes) throws AttributeProblem {
                Object value = attributes.get(rankField);
                ZoneSeverity severity = rank(rankField, value);
                if (durationField.isPresent()) {
                    Object duration = attributes.get(durationField.get());
                    if (duration != null) {
                        FloodDuration known = Fields.integer(duration).flatMap(FloodDuration::ofRank)
                                .orElseThrow(() -> new AttributeProblem(durationField.get(),
                                        "浸水継続時間ランクは1〜7の整数です（値: " + Fields.shown(duration) + "）"));
                        severity = severity.withDuration(known);
                    }
                }
                return severity;
            }

            @Override
            public String fieldsUsed() {
                return rankField + durationField.map(field -> ", " + field).orElse("");
            }
        };
    }

    static ZoneSeverity rank(String field, Object value) throws AttributeProblem {
        Optional<FloodDepthRank> rank = Fields.integer(value).flatMap(FloodDepthRank::ofRank);
        if (rank.isPresent()) {
            return ZoneSeverity.depth(rank.get(), rank.get().depth());
        }
        Optional<DepthRange> text = value instanceof Number ? Optional.empty() : DepthRange.parse(Fields.text(value));
        if (text.isPresent()) {
            return ZoneSeverity.depth(FloodDepthRank.holding(text.get()), text.get());
        }
        throw new AttributeProblem(field, "浸水深ランクは1〜6の整数、または「1.0m以上2.0m未満」のような深さです（値: "
                + Fields.shown(value) + "）");
    }
}
