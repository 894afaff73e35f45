package jp.inochi.access;

import java.util.Locale;
import java.util.Set;

/**
 * What a municipal disaster office is shown of a household, and what it is not (issue 6, "Minimum disclosure":
 * name, address, care type, hazard, plan status, contacts; not clinical detail). Views for municipal officers
 * carry only {@link #MUNICIPAL_VIEW} and never a field of {@link #WITHHELD}; the leak probe checks every
 * response an officer gets against {@link #isWithheld}.
 */
public final class MinimumDisclosure {
    /** What a disaster office needs to plan an evacuation and to call the family. */
    public static final Set<String> MUNICIPAL_VIEW = Set.of(
            "id", "householdId", "childFamilyName", "childGivenName", "childFamilyNameKana", "childGivenNameKana",
            "address", "postalCode", "municipalityCode", "wardCode", "longitude", "latitude",
            "ventilatorDependent", "careType", "hazards", "exposure", "evacuationPlanStatus", "planStatus",
            "guardians", "name", "nameKana", "relationship", "phone", "email", "basis",
            "ventilatorBatteryHours", "spareBatteryCount", "spareBatteryHoursEach");

    /**
     * Clinical detail (where and when the child was treated, how the ventilator is used hour by hour, other
     * medical care, the eligibility decision) and the date of birth. The center needs them; a disaster office does not.
     */
    public static final Set<String> WITHHELD = Set.of(
            "nicuInstitution", "nicuInKumamoto", "nicuDischargeDate", "ventilatorHoursPerDay",
            "ventilatorOffMinutesPerDay", "otherCare", "childBirthDate", "eligibility", "eligibilityReasons");

    private MinimumDisclosure() {
    }

    /** True for a withheld field name, written in camelCase, snake_case or kebab-case. */
    public static boolean isWithheld(String fieldName) {
        String normalised = fieldName.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
        return WITHHELD.stream().anyMatch(field -> field.toLowerCase(Locale.ROOT).equals(normalised));
    }
}
