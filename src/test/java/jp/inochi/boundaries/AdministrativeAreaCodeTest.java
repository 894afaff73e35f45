package jp.inochi.boundaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdministrativeAreaCodeTest {
    static final Map<String, String> PARENTS = Map.of("43100", "43100", "43101", "43100", "43203", "43203");

    private static AdministrativeAreaCode.Resolved resolve(String field, Object value) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(field, value);
        return AdministrativeAreaCode.bind(List.of(field), null, PARENTS).orElseThrow().resolve(attributes);
    }

    @Test
    void n03CodeOfAWardResolvesToKumamotoCityAndTheWard() {
        AdministrativeAreaCode.Resolved ward = resolve("N03_007", "43101");
        assertEquals("43100", ward.municipalityCode());
        assertEquals("43101", ward.wardCode());
    }

    @Test
    void aMunicipalityCodeResolvesToItselfWithoutWard() {
        AdministrativeAreaCode.Resolved city = resolve("code5", 43203L);
        assertEquals("43203", city.municipalityCode());
        assertNull(city.wardCode());
    }

    @Test
    void aSixDigitCodeWithCheckDigitIsReadByItsFirstFive() {
        assertEquals("43203", resolve("code6", "432032").municipalityCode());
    }

    @Test
    void areasWithoutCodeOrOutsideKumamotoAreLeftOutWithAReason() {
        assertTrue(resolve("N03_007", null).skipReason().contains("所属未定地"));
        assertTrue(resolve("N03_007", "40130").skipReason().contains("熊本県の市町村ではありません"));
    }
}
