package jp.inochi.disasters.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jp.inochi.disasters.DeclaredHazard;
import org.junit.jupiter.api.Test;

class DeclaredHazardOfEventTypeTest {
    @Test
    void aTyphoonIsDeclaredAsATyphoonNotAsAFloodByDefault() {
        assertEquals("台風", DeclaredHazard.valueOf(EventType.TYPHOON.declaredHazard()).label());
    }

    @Test
    void everyEventTypeNamesAHazardTheDeclarationsAccept() {
        for (EventType type : EventType.values()) {
            DeclaredHazard.valueOf(type.declaredHazard());
        }
        assertEquals("大雨", DeclaredHazard.valueOf(EventType.HEAVY_RAIN.declaredHazard()).label());
    }
}
