package jp.inochi.applications.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EligibilityPolicyTest {
    private static final EligibilityPolicy POLICY = EligibilityPolicy.allCurrentRules();
    /** 令和7年10月現在 (seed 000, line 570). */
    private static final SubsidyList R7_10 = new SubsidyList(LocalDate.of(2025, 10, 1),
            Set.of("43100", "43202", "43205", "43212", "43215", "43211", "43364", "43367"), "leaflet");
    private static final String HITOYOSHI = "43203";
    private static final String YATSUSHIRO = "43202";

    private static EligibilityFacts family(LocalDate discharge) {
        return new EligibilityFacts(true, discharge, true, new BigDecimal("24.0"), 10, "43", HITOYOSHI, null);
    }

    private static List<IneligibilityReason> reasons(EligibilityFacts facts) {
        return POLICY.evaluate(facts, R7_10).reasons().stream().map(Ineligibility::reason).toList();
    }

    @Test
    void aChildDischargedFromAKumamotoNicuOnTheFirstDayOnAVentilatorAroundTheClockIsEligible() {
        assertTrue(POLICY.evaluate(family(LocalDate.of(2025, 4, 1)), R7_10).eligible());
    }

    @Test
    void dischargeOn31March2025IsBeforeTheProgramAndNamedSo() {
        assertEquals(List.of(IneligibilityReason.DISCHARGED_BEFORE_PROGRAM_START), reasons(family(LocalDate.of(2025, 3, 31))));
    }

    @Test
    void noDischargeDateYetIsNamedNotDischarged() {
        assertEquals(List.of(IneligibilityReason.NOT_DISCHARGED), reasons(family(null)));
    }

    @Test
    void aChildStillInTheNicuWithAPlannedDischargeDateIsEligible() {
        var facts = new EligibilityFacts(true, null, true, new BigDecimal("24.0"), 10, "43", HITOYOSHI, null,
                LocalDate.of(2026, 2, 1));
        assertTrue(POLICY.evaluate(facts, R7_10).eligible());
    }

    @Test
    void nicuOutsideKumamotoIsNamed() {
        var facts = new EligibilityFacts(false, LocalDate.of(2025, 6, 1), true, null, 5, "43", HITOYOSHI, null);
        assertEquals(List.of(IneligibilityReason.NICU_OUTSIDE_KUMAMOTO), reasons(facts));
    }

    @Test
    void thirtyMinutesOffTheVentilatorIsStillAroundTheClockButThirtyOneIsNot() {
        var thirty = new EligibilityFacts(true, LocalDate.of(2025, 6, 1), true, null, 30, "43", HITOYOSHI, null);
        var thirtyOne = new EligibilityFacts(true, LocalDate.of(2025, 6, 1), true, null, 31, "43", HITOYOSHI, null);
        assertEquals(List.of(), reasons(thirty));
        assertEquals(List.of(IneligibilityReason.VENTILATOR_OFF_TOO_LONG), reasons(thirtyOne));
    }

    @Test
    void twentyThreeHoursADayMeansAnHourOffEvenIfTheMinutesFieldSaysLess() {
        var facts = new EligibilityFacts(true, LocalDate.of(2025, 6, 1), true, new BigDecimal("23.0"), 10, "43", HITOYOSHI, null);
        assertEquals(60, facts.offMinutesPerDay());
        assertEquals(List.of(IneligibilityReason.VENTILATOR_OFF_TOO_LONG), reasons(facts));
    }

    @Test
    void aChildNoLongerOnAVentilatorIsNamedSo() {
        var facts = new EligibilityFacts(true, LocalDate.of(2025, 6, 1), false, null, null, "43", HITOYOSHI, null);
        assertEquals(List.of(IneligibilityReason.NOT_ON_VENTILATOR), reasons(facts));
    }

    @Test
    void aFamilyLivingInFukuokaLivesOutsideThePrefecture() {
        var facts = new EligibilityFacts(true, LocalDate.of(2025, 6, 1), true, null, 5, "40", null, null);
        assertEquals(List.of(IneligibilityReason.LIVES_OUTSIDE_PREFECTURE), reasons(facts));
    }

    @Test
    void aFamilyInYatsushiroMustUseTheCitySubsidyFirst() {
        var facts = new EligibilityFacts(true, LocalDate.of(2025, 6, 1), true, null, 5, "43", YATSUSHIRO, null);
        assertEquals(List.of(IneligibilityReason.MUNICIPAL_SUBSIDY_AVAILABLE), reasons(facts));
    }

    @Test
    void aRecordedReasonWhyTheSubsidyCannotBeUsedLiftsTheSubsidyReason() {
        var facts = new EligibilityFacts(true, LocalDate.of(2025, 6, 1), true, null, 5, "43", YATSUSHIRO,
                "市の助成は身体障害者手帳が条件で、手帳の対象外のため");
        Eligibility eligibility = POLICY.evaluate(facts, R7_10);
        assertTrue(eligibility.eligible());
        assertTrue(eligibility.subsidyExceptionApplied());
    }

    @Test
    void aBlankExceptionReasonIsNoReason() {
        var facts = new EligibilityFacts(true, LocalDate.of(2025, 6, 1), true, null, 5, "43", YATSUSHIRO, "   ");
        assertEquals(List.of(IneligibilityReason.MUNICIPAL_SUBSIDY_AVAILABLE), reasons(facts));
    }

    @Test
    void beforeAnySubsidyListIsInForceNoSubsidyReasonIsFound() {
        var facts = new EligibilityFacts(true, LocalDate.of(2025, 6, 1), true, null, 5, "43", YATSUSHIRO, null);
        assertTrue(POLICY.evaluate(facts, SubsidyList.none()).eligible());
    }

    @Test
    void everyReasonFoundIsNamedNotJustTheFirst() {
        var facts = new EligibilityFacts(false, LocalDate.of(2025, 3, 31), true, null, 45, "43", YATSUSHIRO, null);
        assertEquals(List.of(IneligibilityReason.NICU_OUTSIDE_KUMAMOTO, IneligibilityReason.DISCHARGED_BEFORE_PROGRAM_START,
                IneligibilityReason.VENTILATOR_OFF_TOO_LONG, IneligibilityReason.MUNICIPAL_SUBSIDY_AVAILABLE), reasons(facts));
    }

    @Test
    void aReasonIsResolvedOnlyByAWrittenJustificationOfAtLeastTenCharacters() {
        var facts = new EligibilityFacts(true, LocalDate.of(2025, 6, 1), true, null, 40, "43", HITOYOSHI, null);
        Eligibility eligibility = POLICY.evaluate(facts, R7_10);
        assertFalse(eligibility.eligible());
        assertEquals(List.of(IneligibilityReason.VENTILATOR_OFF_TOO_LONG),
                eligibility.unresolved(Map.of(IneligibilityReason.VENTILATOR_OFF_TOO_LONG, "主治医確認")));
        assertEquals(List.of(), eligibility.unresolved(Map.of(IneligibilityReason.VENTILATOR_OFF_TOO_LONG,
                "主治医意見書で入浴時のみ40分外すと確認済み")));
    }

    @Test
    void everyReasonCitesALineOfTheProgramLeaflet() {
        for (IneligibilityReason reason : IneligibilityReason.values()) {
            assertTrue(reason.seedLine() >= 482 && reason.seedLine() <= 581, reason.name());
        }
    }
}
