package jp.inochi.hazards.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HazardProfilesTest {

    private static ZoneSeverity classify(HazardProfile profile, List<String> fields, Map<String, Object> values) throws Exception {
        return profile.bind(fields).classify(values);
    }

    private static Map<String, Object> values(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void floodDepthRankThreeIsThreeToFiveMetres() throws Exception {
        ZoneSeverity zone = classify(HazardProfiles.choose(null, HazardType.FLOOD, null, null), List.of("depth_rank"),
                values("depth_rank", 3L));
        assertEquals(3, zone.severity());
        assertEquals("3.0m以上5.0m未満", zone.label());
        assertEquals(0, zone.depthMin().compareTo(new java.math.BigDecimal("3.0")));
    }

    @Test
    void ksjA31bFieldsAreFoundWithoutBeingNamedAndCarryTheDuration() throws Exception {
        ZoneSeverity zone = classify(new FloodDepthRankProfile(null), List.of("A31B_201", "A31b_301"),
                values("A31B_201", "2", "A31b_301", 4));
        assertEquals(2, zone.severity());
        assertEquals("0.5m以上3.0m未満", zone.label());
        assertEquals(4, zone.durationRank());
        assertEquals("3日以上1週間未満", zone.durationLabel());
    }

    @Test
    void aRankOutsideOneToSixNamesTheFieldAndTheValue() {
        HazardProfile.AttributeProblem problem = assertThrows(HazardProfile.AttributeProblem.class,
                () -> classify(new FloodDepthRankProfile(null), List.of("depth_rank"), values("depth_rank", 9)));
        assertEquals("depth_rank", problem.field());
        assertTrue(problem.getMessage().contains("「9」"), problem.getMessage());
    }

    @Test
    void aFileWithoutARankFieldIsRefusedListingItsFields() {
        HazardProfile.ProfileMismatch mismatch = assertThrows(HazardProfile.ProfileMismatch.class,
                () -> new FloodDepthRankProfile(null).bind(List.of("name", "area")));
        assertTrue(mismatch.getMessage().contains("name, area"), mismatch.getMessage());
        assertTrue(mismatch.getMessage().contains("severityField"), mismatch.getMessage());
    }

    @Test
    void landslideSpecialWarningZoneIsRedAndMoreSevereThanYellow() throws Exception {
        HazardProfile profile = HazardProfiles.choose("A33", HazardType.LANDSLIDE, null, null);
        ZoneSeverity red = classify(profile, List.of("A33_001", "A33_002"), values("A33_001", 1, "A33_002", 2));
        ZoneSeverity yellow = classify(profile, List.of("A33_001", "A33_002"), values("A33_001", 2, "A33_002", 1));
        assertEquals("土砂災害特別警戒区域（レッド）", red.label());
        assertEquals("急傾斜地の崩壊", red.phenomenon());
        assertEquals("土砂災害警戒区域（イエロー）", yellow.label());
        assertEquals("土石流", yellow.phenomenon());
        assertTrue(red.severity() > yellow.severity());
    }

    @Test
    void plateauLandslideFilesAreReadThroughTheirAreaTypeCodes() throws Exception {
        ZoneSeverity zone = classify(new LandslideZoneProfile(null), List.of("disasterType", "areaType"),
                values("disasterType", "1", "areaType", "2"));
        assertEquals(2, zone.severity());
    }

    @Test
    void tsunamiDepthTextKeepsItsBoundsAndLandsOnTheDepthScale() throws Exception {
        ZoneSeverity zone = classify(HazardProfiles.choose(null, HazardType.TSUNAMI, null, null), List.of("A40_001", "A40_003"),
                values("A40_003", "1.0m以上2.0m未満"));
        assertEquals(2, zone.severity());
        assertEquals("1.0m以上2.0m未満", zone.label());
        assertEquals(0, zone.depthMax().compareTo(new java.math.BigDecimal("2.0")));
    }

    @Test
    void stormSurgeTextThatIsNotADepthIsAProblemOfItsField() {
        HazardProfile.AttributeProblem problem = assertThrows(HazardProfile.AttributeProblem.class,
                () -> classify(HazardProfiles.choose("A49", HazardType.STORM_SURGE, null, null), List.of("A49_003"),
                        values("A49_003", "不明")));
        assertEquals("A49_003", problem.field());
    }

    @Test
    void genericProfileReadsTheFieldThePersonNamesWithItsLabel() throws Exception {
        ZoneSeverity zone = classify(HazardProfiles.choose("generic", HazardType.FLOOD, "RANK", "LABEL"), List.of("RANK", "LABEL"),
                values("RANK", 5, "LABEL", "家屋倒壊等氾濫想定区域"));
        assertEquals(5, zone.severity());
        assertEquals("家屋倒壊等氾濫想定区域", zone.label());
    }

    @Test
    void genericProfileNeedsTheSeverityFieldNamed() {
        assertThrows(HazardProfile.ProfileMismatch.class,
                () -> HazardProfiles.choose("GENERIC", HazardType.FLOOD, null, null).bind(List.of("x")));
    }

    @Test
    void aLandslideProfileIsNotAcceptedForAFloodLayer() {
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> HazardProfiles.choose("A33", HazardType.FLOOD, null, null));
        assertTrue(wrong.getMessage().contains("土砂災害"), wrong.getMessage());
    }

    @Test
    void floodWithoutDurationHasNoDuration() throws Exception {
        assertNull(classify(new FloodDepthRankProfile(null), List.of("depth_rank"), values("depth_rank", 1)).durationRank());
    }

    @Test
    void legendColoursAreTheStandardFloodDepthColours() {
        assertEquals(List.of("#F7F5A9", "#FFD8C0", "#FFB7B7", "#FF9191", "#F285C9", "#DC7ADC"),
                java.util.stream.IntStream.rangeClosed(1, 6).mapToObj(rank -> Legend.colour(HazardType.FLOOD, rank)).toList());
    }
}
