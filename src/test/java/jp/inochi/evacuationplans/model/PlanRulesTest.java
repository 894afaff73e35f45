package jp.inochi.evacuationplans.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlanRulesTest {
    private static final ShelterZones SHELTER_7_FLOODS = (shelterId, hazard) -> shelterId == 7 && hazard == PlanHazard.FLOOD;

    private static EvacuationPlan plan(List<EvacuationPlan.Supporter> supporters, List<EvacuationPlan.Destination> destinations,
                                       List<EvacuationPlan.MedicalDevice> devices) {
        return new EvacuationPlan(null, supporters, destinations, null,
                new EvacuationPlan.Power(devices, null, null, null, List.of(), null), null, null, null);
    }

    @Test
    void aSupporterWithoutAPhoneIsAnError() {
        List<PlanFinding> found = PlanRules.check(plan(List.of(new EvacuationPlan.Supporter("近所 花子",
                SupporterRelation.NEIGHBOUR, " ", null, true, false, false, true)), List.of(), List.of()), SHELTER_7_FLOODS);
        assertEquals(PlanRules.SUPPORTER_WITHOUT_PHONE, found.get(0).rule());
        assertTrue(PlanRules.hasErrors(found));
        assertTrue(found.get(0).message().contains("近所 花子"));
    }

    @Test
    void aShelterInAZoneOfTheSameHazardIsAllowedWithAWarningButNotForAnotherHazard() {
        List<PlanFinding> found = PlanRules.check(plan(List.of(), List.of(
                new EvacuationPlan.Destination(PlanHazard.FLOOD, DestinationKind.DESIGNATED_SHELTER, 7L, "A", 100L, null),
                new EvacuationPlan.Destination(PlanHazard.LANDSLIDE, DestinationKind.DESIGNATED_SHELTER, 7L, "A", 100L, null)),
                List.of()), SHELTER_7_FLOODS);
        assertEquals(1, found.size());
        assertEquals(PlanFinding.Level.WARNING, found.get(0).level());
        assertFalse(PlanRules.hasErrors(found));
    }

    @Test
    void aDeviceWithoutWattsIsAllowedAndFlaggedInThePowerSection() {
        List<PlanFinding> found = PlanRules.check(plan(List.of(), List.of(), List.of(
                new EvacuationPlan.MedicalDevice(MedicalDeviceKind.SUCTION, null, null, null))), SHELTER_7_FLOODS);
        assertEquals(PlanFinding.Level.FLAG, found.get(0).level());
        assertEquals("power.devices[0].watts", found.get(0).field());
        assertTrue(found.get(0).message().contains("吸引器"));
    }

    @Test
    void aPlanWhoseSectionsLeaveOutTheirListsIsCheckedAsEmpty() {
        // an empty list is not written to the stored JSON: read back, the section's lists are missing
        EvacuationPlan plan = new EvacuationPlan(new EvacuationPlan.Person(null, null, null, null, null, null), null, null,
                new EvacuationPlan.Transport(null, null, null, null), new EvacuationPlan.Power(null, null, null, null, null, null),
                null, null, new EvacuationPlan.SharingConsent(null, null, null, null));
        assertEquals(List.of(), PlanRules.check(plan, SHELTER_7_FLOODS));
        assertEquals(List.of(), PlanLimits.check(plan));
        assertEquals(List.of(), plan.power().devices());
    }
}
