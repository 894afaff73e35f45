package jp.inochi.disasters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.inochi.households.Guardian;
import jp.inochi.households.GuardianRepository;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdRepository;
import jp.inochi.testsupport.GeoData;

/**
 * Synthetic families for the drills on the real 人吉/球磨 data: at jittered 町字 points of 人吉市 and 球磨村, a third
 * on ventilators, some without consent to email or without an address, each with a guardian's phone.
 */
final class DrillFamilies {
    private DrillFamilies() {
    }

    /** One drill household: its id, its guardian's address (null: none), whether it consented to email. */
    record Family(long id, String email, boolean emailConsent, boolean ventilator) {
    }

    /** Households at the 町字 points of 人吉市 and 球磨村, each moved by a seeded ~200 m; a third on ventilators. */
    static Map<Long, Family> place(HouseholdRepository householdRepository, GuardianRepository guardianRepository,
                                   String run, int count) throws IOException {
        JsonNode points = new ObjectMapper().readTree(GeoData.file(GeoData.MACHIAZA_POINTS).toFile()).get("features");
        List<JsonNode> here = new ArrayList<>();
        for (JsonNode point : points) {
            String code = point.at("/properties/muni_code5").asText();
            if (code.equals("43203") || code.equals("43513")) {
                here.add(point);
            }
        }
        assertTrue(here.size() > 90, "町字 points of 人吉市 and 球磨村");
        Random random = new Random(8);
        Map<Long, Family> families = new LinkedHashMap<>();
        Instant now = Instant.now();
        String[] hoursPerDay = {"24.0", "24.0", "24.0", "23.5", "20.0", "16.0"};
        for (int i = 0; i < count; i++) {
            JsonNode point = here.get(i % here.size());
            boolean ventilator = i % 3 == 0;
            boolean consent = i % 13 != 5;
            boolean hasEmail = i % 29 != 7;
            double longitude = point.at("/geometry/coordinates/0").asDouble() + random.nextGaussian() * 0.002;
            double latitude = point.at("/geometry/coordinates/1").asDouble() + random.nextGaussian() * 0.002;
            Household saved = householdRepository.save(new Household(null, "訓練", "子" + i, "クンレン", "コ" + i,
                    LocalDate.of(2024, 4, 1), "熊本大学病院", true, LocalDate.of(2025, 6, 1), ventilator,
                    ventilator ? new BigDecimal(hoursPerDay[random.nextInt(hoursPerDay.length)]) : null,
                    ventilator ? 10 : null, ventilator ? null : "経管栄養", "868-0000",
                    "熊本県" + point.at("/properties/city").asText() + point.at("/properties/town").asText() + "（訓練）",
                    "43", point.at("/properties/muni_code5").asText(), null, longitude, latitude, i % 4 != 0,
                    i % 4 != 0 ? LocalDate.of(2025, 7, 1) : null, consent,
                    i % 11 == 3 ? null : new BigDecimal(2 + random.nextInt(9) + ".0"), random.nextInt(4),
                    i % 17 == 2 ? null : new BigDecimal(2 + random.nextInt(5) + ".5"), now, now, null));
            String email = hasEmail ? "drill-" + run + "-" + i + "@example.jp" : null;
            guardianRepository.save(new Guardian(null, saved.id(), 1, "訓練 保護者" + i, "クンレン ホゴシャ", "母", email,
                    "090-0000-" + String.format("%04d", i)));
            families.put(saved.id(), new Family(saved.id(), email, consent, ventilator));
        }
        return families;
    }
}
