package jp.inochi.applications.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import jp.inochi.access.Role;
import org.junit.jupiter.api.Test;

class RuleOverrideTest {
    private static final String TEN_CHARACTERS = "県の判断で例外とする";

    @Test
    void staffCannotOverrideDischargeBeforeProgramStart() {
        assertFalse(RuleOverride.mayOverride(Role.CENTER_STAFF, IneligibilityReason.DISCHARGED_BEFORE_PROGRAM_START.weight()));
        assertTrue(RuleOverride.refusal(Role.CENTER_STAFF, IneligibilityReason.DISCHARGED_BEFORE_PROGRAM_START.weight(),
                TEN_CHARACTERS).orElseThrow().contains("センター管理者"));
    }

    @Test
    void staffCannotOverrideANicuOutsideKumamotoOrAHomeOutsideThePrefecture() {
        assertFalse(RuleOverride.mayOverride(Role.CENTER_STAFF, IneligibilityReason.NICU_OUTSIDE_KUMAMOTO.weight()));
        assertFalse(RuleOverride.mayOverride(Role.CENTER_STAFF, IneligibilityReason.LIVES_OUTSIDE_PREFECTURE.weight()));
    }

    @Test
    void staffOverrideAboutThirtyMinutesAndTheSubsidyException() {
        assertTrue(RuleOverride.mayOverride(Role.CENTER_STAFF, IneligibilityReason.VENTILATOR_OFF_TOO_LONG.weight()));
        assertTrue(RuleOverride.mayOverride(Role.CENTER_STAFF, IneligibilityReason.MUNICIPAL_SUBSIDY_AVAILABLE.weight()));
    }

    @Test
    void adminOverridesAHardRuleOnlyWithAReasonOfTenCharacters() {
        RuleOverride.Weight hard = IneligibilityReason.DISCHARGED_BEFORE_PROGRAM_START.weight();
        assertEquals(10, TEN_CHARACTERS.length());
        assertTrue(RuleOverride.refusal(Role.CENTER_ADMIN, hard, "県の判断で例外").orElseThrow().contains("10文字以上"));
        assertEquals(Optional.empty(), RuleOverride.refusal(Role.CENTER_ADMIN, hard, TEN_CHARACTERS));
    }

    @Test
    void noOneElseOverridesAnything() {
        assertFalse(RuleOverride.mayOverride(Role.MUNICIPAL_OFFICER, RuleOverride.Weight.SOFT));
        assertFalse(RuleOverride.mayOverride(null, RuleOverride.Weight.SOFT));
    }
}
