package jp.inochi.disasters.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PowerShortfallTest {
    @Test
    void aFamilyWhosePowerOutlastsTheExpectedOutageGetsNoBadgeEvenUnder72Hours() {
        assertTrue(PowerShortfall.badge(new BigDecimal("30"), 24.0).isEmpty());
    }

    @Test
    void aFamilyShortOfTheExpectedOutageIsBadgedWithThatThreshold() {
        assertEquals("停電の見込み48時間未満", PowerShortfall.badge(new BigDecimal("20"), 47.5).orElseThrow());
        assertEquals(new BigDecimal("48"), PowerShortfall.thresholdHours(47.5));
    }

    @Test
    void whileTheRestorationIsUnknownTheThresholdIs72Hours() {
        assertEquals("72時間（復旧見込み不明）未満", PowerShortfall.badge(new BigDecimal("46"), null).orElseThrow());
        assertTrue(PowerShortfall.badge(new BigDecimal("80"), null).isEmpty());
        assertEquals(new BigDecimal("72"), PowerShortfall.thresholdHours(null));
    }
}
