package jp.inochi.testsupport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A valid household as the API receives it (JSON), for tests to alter one field at a time. */
public final class HouseholdForms {
    private HouseholdForms() {
    }

    /** A ventilator-dependent child at home in 人吉市, consenting to sharing with the city. */
    public static Map<String, Object> hitoyoshi() {
        Map<String, Object> form = new HashMap<>();
        form.put("childFamilyName", "球磨");
        form.put("childGivenName", "ひなた");
        form.put("childFamilyNameKana", "クマ");
        form.put("childGivenNameKana", "ヒナタ");
        form.put("childBirthDate", "2025-02-01");
        form.put("nicuInstitution", "熊本大学病院");
        form.put("nicuInKumamoto", true);
        form.put("nicuDischargeDate", "2025-06-01");
        form.put("ventilatorDependent", true);
        form.put("ventilatorHoursPerDay", 24.0);
        form.put("ventilatorOffMinutesPerDay", 10);
        form.put("otherCare", "気管切開");
        form.put("postalCode", "868-0000");
        form.put("address", "熊本県人吉市テスト町1-1");
        form.put("prefectureCode", "43");
        form.put("municipalityCode", "43203");
        form.put("longitude", 130.7627);
        form.put("latitude", 32.2104);
        form.put("sharesWithMunicipality", true);
        form.put("sharingConsentDate", "2025-07-01");
        form.put("emailContactConsent", true);
        form.put("ventilatorBatteryHours", 6.0);
        form.put("spareBatteryCount", 1);
        form.put("spareBatteryHoursEach", 4.0);
        form.put("guardians", List.of(Map.of("name", "球磨 美咲", "relationship", "母", "email", "misaki@example.jp",
                "phone", "090-1234-5678")));
        return form;
    }

    /** The same household after a move to 福岡市 (prefecture 40). */
    public static Map<String, Object> movedToFukuoka(Map<String, Object> form, long version) {
        Map<String, Object> moved = new HashMap<>(form);
        moved.put("address", "福岡県福岡市中央区テスト1-1");
        moved.put("postalCode", "810-0001");
        moved.put("prefectureCode", "40");
        moved.remove("municipalityCode");
        moved.remove("wardCode");
        moved.put("longitude", 130.4017);
        moved.put("latitude", 33.5902);
        moved.put("version", version);
        return moved;
    }
}
