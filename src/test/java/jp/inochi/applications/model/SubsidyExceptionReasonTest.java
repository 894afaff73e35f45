package jp.inochi.applications.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubsidyExceptionReasonTest {

    @Test
    void aReasonOfOneCharacterIsNoReason() {
        assertTrue(SubsidyExceptionReason.problem("無").orElseThrow().contains("10文字以上"));
    }

    @Test
    void aReasonOfTenCharactersIsRecorded() {
        assertEquals(Optional.empty(), SubsidyExceptionReason.problem("手帳の交付対象外のため"));
    }

    @Test
    void aOneCharacterReasonDoesNotLiftTheSubsidyRule() {
        var facts = new EligibilityFacts(true, LocalDate.of(2025, 6, 1), true, null, 5, "43", "43202", "無");
        var eligibility = EligibilityPolicy.allCurrentRules().evaluate(facts,
                new SubsidyList(LocalDate.of(2025, 10, 1), Set.of("43202"), "leaflet"));
        assertFalse(eligibility.subsidyExceptionApplied());
        assertEquals(IneligibilityReason.MUNICIPAL_SUBSIDY_AVAILABLE, eligibility.reasons().get(0).reason());
    }
}
