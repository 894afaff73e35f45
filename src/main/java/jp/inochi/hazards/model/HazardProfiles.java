package jp.inochi.hazards.model;

import java.util.Locale;

/** Chooses the profile for an import: the one named, or the KSJ profile of the hazard type. */
public final class HazardProfiles {
    private HazardProfiles() {
    }

    /**
     * @param code A31, A33, A40, A49, GENERIC, or null/AUTO for the hazard type's KSJ profile
     * @param severityField the field holding the severity, when the person names it
     * @throws IllegalArgumentException with a Japanese message when the profile does not fit the hazard type
     */
    public static HazardProfile choose(String code, HazardType type, String severityField, String labelField) {
        String wanted = code == null || code.isBlank() ? "AUTO" : code.strip().toUpperCase(Locale.ROOT);
        if (wanted.equals("AUTO")) {
            wanted = switch (type) {
                case FLOOD -> "A31";
                case LANDSLIDE -> "A33";
                case TSUNAMI -> "A40";
                case STORM_SURGE -> "A49";
            };
        }
        HazardProfile profile = switch (wanted) {
            case "A31", "A31A", "A31B" -> new FloodDepthRankProfile(severityField);
            case "A33" -> new LandslideZoneProfile(severityField);
            case "A40" -> new DepthTextProfile(HazardType.TSUNAMI, severityField);
            case "A49" -> new DepthTextProfile(HazardType.STORM_SURGE, severityField);
            case "GENERIC" -> new GenericSeverityProfile(type, severityField, labelField);
            default -> throw new IllegalArgumentException("読み込み方式「" + code + "」はありません（A31, A33, A40, A49, GENERIC）");
        };
        if (profile.hazardType() != type) {
            throw new IllegalArgumentException("読み込み方式 " + profile.code() + " は" + profile.hazardType().label()
                    + "のデータ用です。災害種別（" + type.label() + "）と合いません");
        }
        return profile;
    }
}
