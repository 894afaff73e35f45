package jp.inochi.loans.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandoverReadinessTest {

    @Test
    void aChildDischargedAfterTheProgramStartAndAtHomeIsReadyForTheHandover() {
        assertEquals(List.of(), HandoverReadiness.refusals(LocalDate.of(2026, 1, 10), false, true));
    }

    @Test
    void theHandoverWaitsForTheActualDischargeDate() {
        assertTrue(HandoverReadiness.refusals(null, false, true).get(0).contains("退院日"));
    }

    @Test
    void theHandoverWaitsUntilTheChildLivesAtHome() {
        assertTrue(HandoverReadiness.refusals(LocalDate.of(2026, 1, 10), false, false).get(0).contains("在宅"));
    }

    @Test
    void aDischargeBeforeTheProgramStartStopsTheHandoverUnlessACenterAdminSetItAsideAtTheApproval() {
        assertEquals(1, HandoverReadiness.refusals(LocalDate.of(2025, 3, 31), false, true).size());
        assertEquals(List.of(), HandoverReadiness.refusals(LocalDate.of(2025, 3, 31), true, true));
    }
}
