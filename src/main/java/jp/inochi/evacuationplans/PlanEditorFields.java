package jp.inochi.evacuationplans;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.inochi.evacuationplans.model.EvacuationPlan;
import jp.inochi.evacuationplans.model.ShareWith;

/**
 * A plan as the editor's form fields, named as the rules and the API name them ({@code supporters[0].phone},
 * {@code power.devices[1].watts}), so an error from {@link PlanSaving} lands beside its field.
 */
final class PlanEditorFields {
    private PlanEditorFields() {
    }

    static Map<String, String> of(EvacuationPlan plan) {
        Map<String, String> values = new LinkedHashMap<>();
        EvacuationPlan.Person person = plan.person();
        put(values, "person.name", person.name());
        put(values, "person.nameKana", person.nameKana());
        put(values, "person.birthDate", person.birthDate());
        put(values, "person.address", person.address());
        put(values, "person.phones", person.phones() == null ? null : String.join("、", person.phones()));
        put(values, "person.careNeeds", person.careNeeds());
        for (int i = 0; i < plan.supporters().size(); i++) {
            EvacuationPlan.Supporter s = plan.supporters().get(i);
            String row = "supporters[" + i + "].";
            put(values, row + "name", s.name());
            put(values, row + "relation", s.relation());
            put(values, row + "phone", s.phone());
            put(values, row + "role", s.role());
            put(values, row + "daytime", s.daytime());
            put(values, row + "night", s.night());
            put(values, row + "weekends", s.weekends());
            put(values, row + "agreed", s.agreed());
        }
        for (int i = 0; i < plan.destinations().size(); i++) {
            EvacuationPlan.Destination d = plan.destinations().get(i);
            String row = "destinations[" + i + "].";
            put(values, row + "hazard", d.hazard());
            put(values, row + "kind", d.kind());
            put(values, row + "shelterId", d.shelterId());
            put(values, row + "place", d.place());
            put(values, row + "distanceM", d.distanceM());
            put(values, row + "whenToLeave", d.whenToLeave());
        }
        EvacuationPlan.Transport transport = plan.transport();
        put(values, "transport.kind", transport.kind());
        put(values, "transport.equipment", lines(transport.equipment()));
        put(values, "transport.routeDistanceM", transport.routeDistanceM());
        put(values, "transport.driver", transport.driver());
        EvacuationPlan.Power power = plan.power();
        for (int i = 0; i < power.devices().size(); i++) {
            EvacuationPlan.MedicalDevice device = power.devices().get(i);
            String row = "power.devices[" + i + "].";
            put(values, row + "kind", device.kind());
            put(values, row + "name", device.name());
            put(values, row + "watts", device.watts());
            put(values, row + "batteryHours", device.batteryHours());
        }
        put(values, "power.generator", power.generator());
        put(values, "power.fuelLitres", power.fuelLitres());
        put(values, "power.autonomyHours", power.autonomyHours());
        put(values, "power.chargingPlaces", lines(power.chargingPlaces()));
        put(values, "power.whenItRunsOut", power.whenItRunsOut());
        EvacuationPlan.Supplies supplies = plan.supplies();
        put(values, "supplies.waterLitresPerDay", supplies.waterLitresPerDay());
        put(values, "supplies.medicines", supplies.medicines());
        put(values, "supplies.consumables", supplies.consumables());
        put(values, "supplies.days", supplies.days());
        EvacuationPlan.Contacts c = plan.contacts();
        put(values, "contacts.doctor", c.doctor());
        put(values, "contacts.hospital", c.hospital());
        put(values, "contacts.hospitalPhone", c.hospitalPhone());
        put(values, "contacts.visitingNurse", c.visitingNurse());
        put(values, "contacts.visitingNursePhone", c.visitingNursePhone());
        put(values, "contacts.supplierLine", c.supplierLine());
        put(values, "contacts.coordinator", c.coordinator());
        put(values, "contacts.coordinatorPhone", c.coordinatorPhone());
        EvacuationPlan.SharingConsent sharing = plan.sharing();
        for (ShareWith with : sharing.with()) {
            values.put("sharing.with." + with.name(), "true");
        }
        put(values, "sharing.agreedOn", sharing.agreedOn());
        put(values, "sharing.agreedBy", sharing.agreedBy());
        put(values, "sharing.ordinanceNote", sharing.ordinanceNote());
        return values;
    }

    /** The form's keys that belong to a field name ({@code destinations[0]} owns {@code destinations[0].place}). */
    static boolean owns(String name, String key) {
        return key.equals(name) || key.startsWith(name + ".") || key.startsWith(name + "[");
    }

    private static void put(Map<String, String> values, String key, Object value) {
        if (value instanceof BigDecimal decimal) {
            values.put(key, decimal.stripTrailingZeros().toPlainString());
        } else if (value instanceof Enum<?> e) {
            values.put(key, e.name());
        } else if (value instanceof Boolean yes) {
            if (yes) {
                values.put(key, "true");
            }
        } else if (value != null && !value.toString().isEmpty()) {
            values.put(key, value.toString());
        }
    }

    private static String lines(List<String> items) {
        return items == null || items.isEmpty() ? null : String.join("\n", items);
    }
}
