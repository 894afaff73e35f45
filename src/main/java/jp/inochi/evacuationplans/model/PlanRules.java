package jp.inochi.evacuationplans.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** The rules a plan is checked against when it is saved, each named and with its Japanese message. */
public final class PlanRules {
    public static final String SUPPORTER_WITHOUT_PHONE = "supporterWithoutPhone";
    public static final String DESTINATION_IN_ZONE_OF_SAME_HAZARD = "destinationInZoneOfSameHazard";
    public static final String DEVICE_WITHOUT_WATTS = "deviceWithoutWatts";

    private PlanRules() {
    }

    /** A supporter nobody can call cannot help on the day: an error. */
    static List<PlanFinding> supporterWithoutPhone(EvacuationPlan plan, ShelterZones zones) {
        List<PlanFinding> found = new ArrayList<>();
        for (int i = 0; i < plan.supporters().size(); i++) {
            EvacuationPlan.Supporter supporter = plan.supporters().get(i);
            if (blank(supporter.phone())) {
                found.add(new PlanFinding(SUPPORTER_WITHOUT_PHONE, PlanFinding.Level.ERROR, "supporters[" + i + "].phone",
                        "避難支援等実施者「" + nameOr(supporter.name()) + "」の電話番号を入力してください（当日連絡が取れないと支援できません）"));
            }
        }
        return found;
    }

    /** A shelter in a zone of the very hazard it is chosen for may still be the best choice: allowed, with a warning. */
    static List<PlanFinding> destinationInZoneOfSameHazard(EvacuationPlan plan, ShelterZones zones) {
        List<PlanFinding> found = new ArrayList<>();
        for (int i = 0; i < plan.destinations().size(); i++) {
            EvacuationPlan.Destination destination = plan.destinations().get(i);
            if (destination.hazard() != null && destination.shelterId() != null
                    && zones.inZone(destination.shelterId(), destination.hazard())) {
                found.add(new PlanFinding(DESTINATION_IN_ZONE_OF_SAME_HAZARD, PlanFinding.Level.WARNING,
                        "destinations[" + i + "].shelterId", "避難先「" + nameOr(destination.place()) + "」は"
                        + destination.hazard().label() + "の区域内にあります。より安全な避難先がないか確認してください（保存はできます）"));
            }
        }
        return found;
    }

    /** Without the draw the power section cannot be planned; saved, and flagged in the power section. */
    static List<PlanFinding> deviceWithoutWatts(EvacuationPlan plan, ShelterZones zones) {
        List<PlanFinding> found = new ArrayList<>();
        for (int i = 0; i < plan.power().devices().size(); i++) {
            EvacuationPlan.MedicalDevice device = plan.power().devices().get(i);
            if (device.watts() == null || device.watts() <= 0) {
                String name = !blank(device.name()) ? device.name() : device.kind() == null ? "医療機器" : device.kind().label();
                found.add(new PlanFinding(DEVICE_WITHOUT_WATTS, PlanFinding.Level.FLAG, "power.devices[" + i + "].watts",
                        "「" + name + "」の消費電力（W）が未入力です。取扱説明書か業者に確認して入力してください"));
            }
        }
        return found;
    }

    public static List<BiFunction<EvacuationPlan, ShelterZones, List<PlanFinding>>> allCurrentRules() {
        return List.of(PlanRules::supporterWithoutPhone, PlanRules::destinationInZoneOfSameHazard,
                PlanRules::deviceWithoutWatts);
    }

    /** Every finding of every rule, errors first as the rules are listed. */
    public static List<PlanFinding> check(EvacuationPlan plan, ShelterZones zones) {
        List<PlanFinding> found = new ArrayList<>();
        allCurrentRules().forEach(rule -> found.addAll(rule.apply(plan, zones)));
        return found;
    }

    public static boolean hasErrors(List<PlanFinding> findings) {
        return findings.stream().anyMatch(finding -> finding.level() == PlanFinding.Level.ERROR);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String nameOr(String name) {
        return blank(name) ? "（名前未入力）" : name;
    }
}
