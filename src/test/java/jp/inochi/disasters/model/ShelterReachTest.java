package jp.inochi.disasters.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ShelterReachTest {

    @Test
    void distanceReadsAsKilometresWithOneDecimal() {
        assertEquals("2.3km", ShelterReach.distanceLabel(2_345));
        assertEquals("66.3km", ShelterReach.distanceLabel(66_264));
        assertEquals("0.1km", ShelterReach.distanceLabel(50));
        assertEquals("0.0km", ShelterReach.distanceLabel(0));
    }

    @Test
    void noCandidateSaysTheConfiguredRadius() {
        assertEquals("10km以内に候補なし", new ShelterReach(10).noneLabel());
        assertEquals("3km以内に候補なし", new ShelterReach(3).noneLabel());
    }

    @Test
    void radiusMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ShelterReach(0));
    }
}
