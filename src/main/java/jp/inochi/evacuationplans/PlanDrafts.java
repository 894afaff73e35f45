package jp.inochi.evacuationplans;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import jp.inochi.access.Viewer;
import jp.inochi.evacuationplans.model.DestinationKind;
import jp.inochi.evacuationplans.model.EvacuationPlan;
import jp.inochi.evacuationplans.model.MedicalDeviceKind;
import jp.inochi.evacuationplans.model.PlanHazard;
import jp.inochi.households.Guardian;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdDirectory.VisibleHousehold;

/**
 * The first draft of a plan, filled from what Inochi knows: the person and address, a destination outside the zone for
 * each hazard the home is exposed to, the power autonomy and loaned generator, and the coordinator. Nothing is saved.
 */
@Singleton
class PlanDrafts {
    static final String LEAVE_AT_LEVEL_3 = "高齢者等避難（警戒レベル3）が出たら、明るいうちに出発する";

    PrefilledDraft draft(Viewer viewer, VisibleHousehold visible, HomeContext context) {
        Household household = visible.household();
        List<String> prefilled = new ArrayList<>(List.of("person.name", "person.nameKana", "person.address", "person.phones"));
        // the date of birth is clinical-adjacent detail a disaster office is not shown (MinimumDisclosure)
        if (viewer.isCenter()) {
            prefilled.add("person.birthDate");
        }
        EvacuationPlan.Person person = new EvacuationPlan.Person(
                household.childFamilyName() + " " + household.childGivenName(),
                household.childFamilyNameKana() + " " + household.childGivenNameKana(),
                viewer.isCenter() ? household.childBirthDate() : null, household.address(),
                visible.guardians().stream().map(Guardian::phone).filter(Objects::nonNull).toList(),
                household.ventilatorDependent() ? "人工呼吸器を使用しています。電源の確保が最優先です。" : null);
        List<EvacuationPlan.Destination> destinations = new ArrayList<>();
        for (PlanHazard hazard : PlanHazard.values()) {
            HomeContext.HomeHazard home = context.hazards().stream().filter(h -> h.hazard() == hazard).findFirst().orElse(null);
            HomeContext.ShelterChoice outside = home == null || !home.exposed() ? null : context.shelterChoices().stream()
                    .filter(choice -> choice.hazard() == hazard && !choice.inHazardZone()).findFirst().orElse(null);
            if (outside != null) {
                prefilled.add("destinations[" + destinations.size() + "]");
                destinations.add(new EvacuationPlan.Destination(hazard, outside.welfareCandidate()
                        ? DestinationKind.WELFARE_SHELTER : DestinationKind.DESIGNATED_SHELTER, outside.shelterId(),
                        outside.name(), outside.distanceM(), LEAVE_AT_LEVEL_3));
            } else {
                destinations.add(new EvacuationPlan.Destination(hazard, null, null, null, null, null));
            }
        }
        List<EvacuationPlan.MedicalDevice> devices = new ArrayList<>();
        if (household.ventilatorDependent()) {
            prefilled.add("power.devices[0].batteryHours");
            devices.add(new EvacuationPlan.MedicalDevice(MedicalDeviceKind.VENTILATOR, MedicalDeviceKind.VENTILATOR.label(),
                    null, household.ventilatorBatteryHours()));
        }
        if (context.loanedDevice() != null) {
            prefilled.add("power.generator");
        }
        if (context.fuelLitres() != null) {
            prefilled.add("power.fuelLitres");
        }
        if (context.autonomyHours() != null) {
            prefilled.add("power.autonomyHours");
        }
        EvacuationPlan.Power power = new EvacuationPlan.Power(devices, context.loanedDevice(), context.fuelLitres(),
                context.autonomyHours(), List.of(), null);
        if (context.coordinator() != null) {
            prefilled.add("contacts.coordinator");
        }
        EvacuationPlan.Contacts contacts = new EvacuationPlan.Contacts(null, null, null, null, null, null,
                context.coordinator(), null);
        EvacuationPlan plan = new EvacuationPlan(person, List.of(), destinations, null, power, null, contacts, null);
        return new PrefilledDraft(plan, List.copyOf(prefilled), context);
    }
}
