package jp.inochi.loans.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import jp.inochi.loans.model.DeviceSwapPolicy.Replacement;
import org.junit.jupiter.api.Test;

class DeviceSwapPolicyTest {

    @Test
    void anAvailableSineWaveGeneratorMayReplaceTheLentOne() {
        assertEquals(Optional.empty(), DeviceSwapPolicy.refusal(new Replacement("SW-2", true, true, "貸出可能", false)));
    }

    @Test
    void aGeneratorThatIsNotSineWaveCannotReplaceTheLentOne() {
        assertTrue(DeviceSwapPolicy.refusal(new Replacement("SQ-1", false, true, "貸出可能", false)).orElseThrow()
                .contains("正弦波インバーター発電機ではない"));
    }

    @Test
    void aGeneratorLentToAnotherFamilyCannotReplaceTheLentOne() {
        assertTrue(DeviceSwapPolicy.refusal(new Replacement("SW-3", true, false, "貸与中", false)).orElseThrow()
                .contains("「貸与中」のため"));
    }

    @Test
    void theLentGeneratorCannotReplaceItself() {
        assertTrue(DeviceSwapPolicy.refusal(new Replacement("SW-1", true, false, "貸与中", true)).orElseThrow()
                .contains("この貸与で貸し出している装置"));
    }
}
