package jp.inochi.households;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.inochi.demo.DemoDataSet;

/** The synthetic families of gis/demo/households.geojson. */
@Singleton
final class DemoHouseholds implements DemoDataSet {
    private final HouseholdRepository households;
    private final GuardianRepository guardians;
    private final JsonMapper json;
    private final Clock clock;

    DemoHouseholds(HouseholdRepository households, GuardianRepository guardians, JsonMapper json, Clock clock) {
        this.households = households;
        this.guardians = guardians;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "households";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    @SuppressWarnings("unchecked")
    public String load(Path demoDirectory) throws Exception {
        Map<String, Object> collection = json.readValue(Files.readAllBytes(demoDirectory.resolve("households.geojson")), Map.class);
        List<Map<String, Object>> features = (List<Map<String, Object>>) collection.get("features");
        Instant now = clock.instant();
        for (Map<String, Object> feature : features) {
            Map<String, Object> p = (Map<String, Object>) feature.get("properties");
            List<Number> point = (List<Number>) ((Map<String, Object>) feature.get("geometry")).get("coordinates");
            boolean shares = (Boolean) p.get("shares_with_municipality");
            Household saved = households.save(new Household(null,
                    text(p, "child_family_name"), text(p, "child_given_name"),
                    text(p, "child_family_name_kana"), text(p, "child_given_name_kana"),
                    LocalDate.parse(text(p, "child_birth_date")),
                    text(p, "nicu_institution"), (Boolean) p.get("nicu_in_kumamoto"),
                    LocalDate.parse(text(p, "nicu_discharge_date")),
                    (Boolean) p.get("ventilator_dependent"), decimal(p, "ventilator_hours_per_day"),
                    ((Number) p.get("ventilator_off_minutes_per_day")).intValue(), text(p, "other_care"),
                    null, text(p, "address"), Household.KUMAMOTO, text(p, "municipality_code"),
                    text(p, "ward_code").isEmpty() ? null : text(p, "ward_code"),
                    point.get(0).doubleValue(), point.get(1).doubleValue(),
                    shares, shares ? LocalDate.of(2025, 11, 1) : null, (Boolean) p.get("email_contact_consent"),
                    decimal(p, "ventilator_battery_hours"), ((Number) p.get("spare_battery_count")).intValue(),
                    decimal(p, "spare_battery_hours_each"), now, now, null));
            guardians.save(new Guardian(null, saved.id(), 1, text(p, "guardian_name"), null, "保護者",
                    text(p, "guardian_email"), text(p, "guardian_phone")));
        }
        return features.size() + " households";
    }

    private static String text(Map<String, Object> properties, String name) {
        return String.valueOf(properties.get(name));
    }

    private static BigDecimal decimal(Map<String, Object> properties, String name) {
        return new BigDecimal(String.valueOf(properties.get(name)));
    }
}
