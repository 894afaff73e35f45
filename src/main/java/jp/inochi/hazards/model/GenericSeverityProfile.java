package jp.inochi.hazards.model;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Any other source: the person names the field that holds the severity. A whole number from 1 to the hazard
 * type's maximum is the severity; for depth hazards a depth text is read too. The label comes from a named label
 * field, or from the depth, or is 「危険度 N」.
 */
public final class GenericSeverityProfile implements HazardProfile {
    private final HazardType type;
    private final String severityField;
    private final String labelField;

    public GenericSeverityProfile(HazardType type, String severityField, String labelField) {
        this.type = type;
        this.severityField = severityField;
        this.labelField = labelField;
    }

    @Override
    public String code() {
        return "GENERIC";
    }

    @Override
    public HazardType hazardType() {
        return type;
    }

    @Override
    public ZoneClassifier bind(Collection<String> fieldNames) throws ProfileMismatch {
        if (severityField == null || severityField.isBlank()) {
            throw new ProfileMismatch("汎用の読み込みでは、危険度の入った項目名（severityField）を指定してください。ファイルの項目: "
                    + String.join(", ", fieldNames));
        }
        String field = Fields.require(fieldNames, severityField, java.util.List.of(), "危険度");
        Optional<String> label = labelField == null || labelField.isBlank() ? Optional.empty()
                : Optional.of(Fields.require(fieldNames, labelField, java.util.List.of(), "表示名"));
        return new ZoneClassifier() {
            @Override
            public ZoneSeverity classify(Map<String, Object> attributes) throws AttributeProblem {
                Object value = attributes.get(field);
                ZoneSeverity severity = severity(value);
                if (label.isPresent() && Fields.text(attributes.get(label.get())) != null) {
                    return new ZoneSeverity(severity.severity(), Fields.text(attributes.get(label.get())), severity.depthMin(),
                            severity.depthMax(), null, null, null);
                }
                return severity;
            }

            private ZoneSeverity severity(Object value) throws AttributeProblem {
                Optional<Integer> number = Fields.integer(value);
                if (number.isPresent() && number.get() >= 1 && number.get() <= type.maxSeverity()) {
                    if (type == HazardType.LANDSLIDE) {
                        LandslideZone zone = LandslideZone.ofCode(number.get()).orElseThrow();
                        return ZoneSeverity.of(zone.severity(), zone.label());
                    }
                    FloodDepthRank rank = FloodDepthRank.ofRank(number.get()).orElseThrow();
                    return ZoneSeverity.depth(rank, rank.depth());
                }
                if (type != HazardType.LANDSLIDE && !(value instanceof Number)) {
                    Optional<DepthRange> range = DepthRange.parse(Fields.text(value));
                    if (range.isPresent()) {
                        return ZoneSeverity.depth(FloodDepthRank.holding(range.get()), range.get());
                    }
                }
                throw new AttributeProblem(field, type.label() + "の危険度は1〜" + type.maxSeverity() + "の整数です（値: "
                        + Fields.shown(value) + "）");
            }

            @Override
            public String fieldsUsed() {
                return field + label.map(name -> ", " + name).orElse("");
            }
        };
    }
}
