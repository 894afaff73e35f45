package jp.inochi.hazards.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * KSJ A33 landslide warning zones (domain.md, "Hazard data"): {@code A33_002} 1 yellow / 2 red is the severity,
 * {@code A33_001} the phenomenon. PLATEAU's 土砂災害警戒区域 files carry the same codes as {@code areaType} and
 * {@code disasterType}.
 */
public final class LandslideZoneProfile implements HazardProfile {
    static final List<String> ZONE_FIELDS = List.of("A33_002", "areaType");
    static final List<String> PHENOMENON_FIELDS = List.of("A33_001", "disasterType");

    private final String namedField;

    public LandslideZoneProfile(String namedField) {
        this.namedField = namedField;
    }

    @Override
    public String code() {
        return "A33";
    }

    @Override
    public HazardType hazardType() {
        return HazardType.LANDSLIDE;
    }

    @Override
    public ZoneClassifier bind(Collection<String> fieldNames) throws ProfileMismatch {
        String zoneField = Fields.require(fieldNames, namedField, ZONE_FIELDS, "区域区分（イエロー/レッド）");
        Optional<String> phenomenonField = Fields.find(fieldNames, PHENOMENON_FIELDS);
        return new ZoneClassifier() {
            @Override
            public ZoneSeverity classify(Map<String, Object> attributes) throws AttributeProblem {
                Object value = attributes.get(zoneField);
                LandslideZone zone = Fields.integer(value).flatMap(LandslideZone::ofCode)
                        .orElseThrow(() -> new AttributeProblem(zoneField,
                                "区域区分は 1（土砂災害警戒区域）か 2（土砂災害特別警戒区域）です（値: " + Fields.shown(value) + "）"));
                ZoneSeverity severity = ZoneSeverity.of(zone.severity(), zone.label());
                if (phenomenonField.isPresent()) {
                    Object phenomenon = attributes.get(phenomenonField.get());
                    if (phenomenon != null) {
                        String label = Fields.integer(phenomenon).flatMap(LandslideZone.Phenomenon::ofCode)
                                .map(LandslideZone.Phenomenon::label)
                                .orElseThrow(() -> new AttributeProblem(phenomenonField.get(),
                                        "現象の種類は 1（急傾斜地の崩壊）、2（土石流）、3（地すべり）です（値: "
                                                + Fields.shown(phenomenon) + "）"));
                        severity = severity.withPhenomenon(label);
                    }
                }
                return severity;
            }

            @Override
            public String fieldsUsed() {
                return zoneField + phenomenonField.map(field -> ", " + field).orElse("");
            }
        };
    }
}
