package jp.inochi.evacuationplans;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.inochi.evacuationplans.model.DestinationKind;
import jp.inochi.evacuationplans.model.EvacuationPlan;
import jp.inochi.evacuationplans.model.MedicalDeviceKind;
import jp.inochi.evacuationplans.model.PlanHazard;
import jp.inochi.evacuationplans.model.ShareWith;
import jp.inochi.evacuationplans.model.SupporterRelation;
import jp.inochi.evacuationplans.model.TransportKind;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.web.Form;

/**
 * Reads the posted editor into a plan: empty and removed rows of supporters and devices left out (their errors are
 * mapped back to the rows as posted), a shelter chosen from Inochi's list with its name and distance, and the fields
 * Inochi filled kept as prefilled only while they are unchanged.
 */
final class PlanEditorReading {
    static final int MAX_ROWS = 30;
    static final String SUPPORTERS = "supporters";
    static final String DEVICES = "power.devices";

    private PlanEditorReading() {
    }

    /** The plan read, the prefilled fields, and which posted row each kept supporter and device came from. */
    record Read(EvacuationPlan plan, List<String> prefilled, List<Integer> supporterRows, List<Integer> deviceRows) {

        /** {@code supporters[1].phone} of the plan is {@code supporters[3].phone} of the form when rows were left out. */
        FieldError toForm(FieldError error) {
            String field = error.field().startsWith("plan.") ? error.field().substring(5) : error.field();
            return new FieldError(renumber(renumber(field, SUPPORTERS, supporterRows), DEVICES, deviceRows), error.message());
        }
    }

    static int rows(Form form, String counter, int atLeast) {
        Integer posted = form.integer(counter);
        return Math.min(MAX_ROWS, Math.max(atLeast, posted == null ? 0 : posted));
    }

    static Read read(Form form, HomeContext home) {
        List<Integer> supporterRows = new ArrayList<>();
        List<EvacuationPlan.Supporter> supporters = new ArrayList<>();
        for (int i = 0; i < rows(form, "supporterRows", 0); i++) {
            String row = SUPPORTERS + "[" + i + "].";
            if (form.checked(row + "remove") || blankRow(form, row, "name", "phone", "role", "relation")) {
                continue;
            }
            supporterRows.add(i);
            supporters.add(new EvacuationPlan.Supporter(form.text(row + "name"),
                    form.choice(row + "relation", SupporterRelation.class), form.text(row + "phone"), form.text(row + "role"),
                    form.checked(row + "daytime"), form.checked(row + "night"), form.checked(row + "weekends"),
                    form.checked(row + "agreed")));
        }
        List<EvacuationPlan.Destination> destinations = new ArrayList<>();
        for (int i = 0; form.text("destinations[" + i + "].hazard") != null && i < MAX_ROWS; i++) {
            destinations.add(destination(form, "destinations[" + i + "].", home));
        }
        List<Integer> deviceRows = new ArrayList<>();
        List<EvacuationPlan.MedicalDevice> devices = new ArrayList<>();
        for (int i = 0; i < rows(form, "deviceRows", 0); i++) {
            String row = DEVICES + "[" + i + "].";
            if (form.checked(row + "remove") || blankRow(form, row, "kind", "name", "watts", "batteryHours")) {
                continue;
            }
            deviceRows.add(i);
            devices.add(new EvacuationPlan.MedicalDevice(form.choice(row + "kind", MedicalDeviceKind.class),
                    form.text(row + "name"), form.integer(row + "watts"), form.decimal(row + "batteryHours")));
        }
        EvacuationPlan plan = new EvacuationPlan(
                new EvacuationPlan.Person(form.text("person.name"), form.text("person.nameKana"), form.date("person.birthDate"),
                        form.text("person.address"), items(form.text("person.phones"), "[、,\\n]"), form.text("person.careNeeds")),
                supporters, destinations,
                new EvacuationPlan.Transport(form.choice("transport.kind", TransportKind.class),
                        items(form.text("transport.equipment"), "\\n"), form.longValue("transport.routeDistanceM"),
                        form.text("transport.driver")),
                new EvacuationPlan.Power(devices, form.text("power.generator"), form.decimal("power.fuelLitres"),
                        form.decimal("power.autonomyHours"), items(form.text("power.chargingPlaces"), "\\n"),
                        form.text("power.whenItRunsOut")),
                new EvacuationPlan.Supplies(form.decimal("supplies.waterLitresPerDay"), form.text("supplies.medicines"),
                        form.text("supplies.consumables"), form.integer("supplies.days")),
                new EvacuationPlan.Contacts(form.text("contacts.doctor"), form.text("contacts.hospital"),
                        form.text("contacts.hospitalPhone"), form.text("contacts.visitingNurse"),
                        form.text("contacts.visitingNursePhone"), form.text("contacts.supplierLine"),
                        form.text("contacts.coordinator"), form.text("contacts.coordinatorPhone")),
                new EvacuationPlan.SharingConsent(Arrays.stream(ShareWith.values())
                        .filter(with -> form.checked("sharing.with." + with.name())).toList(),
                        form.date("sharing.agreedOn"), form.text("sharing.agreedBy"), form.text("sharing.ordinanceNote")));
        return new Read(plan, unchangedPrefilled(form, supporterRows, deviceRows), supporterRows, deviceRows);
    }

    /** A shelter from Inochi's list brings its own name and distance; any other place is as typed. */
    private static EvacuationPlan.Destination destination(Form form, String row, HomeContext home) {
        PlanHazard hazard = form.choice(row + "hazard", PlanHazard.class);
        DestinationKind kind = form.choice(row + "kind", DestinationKind.class);
        Long shelterId = form.longValue(row + "shelterId");
        String place = form.text(row + "place");
        Long distance = form.longValue(row + "distanceM");
        if (shelterId != null) {
            HomeContext.ShelterChoice choice = home.shelterChoices().stream()
                    .filter(c -> c.shelterId() == shelterId).findFirst().orElse(null);
            if (choice != null) {
                place = choice.name();
                distance = choice.distanceM();
                kind = kind != null && kind.isShelter() ? kind
                        : choice.welfareCandidate() ? DestinationKind.WELFARE_SHELTER : DestinationKind.DESIGNATED_SHELTER;
            }
        } else if (kind != null && kind.isShelter() && place == null) {
            distance = null;
        }
        return new EvacuationPlan.Destination(hazard, kind, shelterId, place, distance, form.text(row + "whenToLeave"));
    }

    /** The names Inochi filled whose fields still read as they were shown, renumbered as the rows are kept. */
    private static List<String> unchangedPrefilled(Form form, List<Integer> supporterRows, List<Integer> deviceRows) {
        String names = form.text("prefilled");
        if (names == null) {
            return List.of();
        }
        Map<String, String> posted = form.posted();
        List<String> kept = new ArrayList<>();
        for (String name : Arrays.stream(names.split("\\s+")).filter(n -> n.matches("[A-Za-z0-9.\\[\\]]{1,100}")).limit(200).toList()) {
            boolean unchanged = posted.keySet().stream().filter(key -> key.startsWith("was."))
                    .filter(key -> PlanEditorFields.owns(name, key.substring(4)))
                    .allMatch(key -> Objects.equals(posted.get(key).strip(), form.value(key.substring(4)).strip()));
            String renumbered = fromForm(fromForm(name, SUPPORTERS, supporterRows), DEVICES, deviceRows);
            if (unchanged && renumbered != null) {
                kept.add(renumbered);
            }
        }
        return List.copyOf(kept);
    }

    private static boolean blankRow(Form form, String row, String... fields) {
        return Arrays.stream(fields).allMatch(field -> form.text(row + field) == null);
    }

    private static List<String> items(String text, String separator) {
        return text == null ? List.of() : Arrays.stream(text.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The plan's row k is the form's row {@code rows.get(k)}. */
    private static String renumber(String field, String list, List<Integer> rows) {
        Matcher row = row(field, list);
        if (row == null) {
            return field;
        }
        int index = Integer.parseInt(row.group(1));
        return index < rows.size() ? list + "[" + rows.get(index) + "]" + row.group(2) : field;
    }

    /** The form's row p is the plan's row {@code rows.indexOf(p)}; null when that row was left out. */
    private static String fromForm(String field, String list, List<Integer> rows) {
        Matcher row = row(field, list);
        if (row == null) {
            return field;
        }
        int kept = rows.indexOf(Integer.parseInt(row.group(1)));
        return kept < 0 ? null : list + "[" + kept + "]" + row.group(2);
    }

    /** {@code supporters[2].phone} as the list's row (2) and the rest (.phone); null for another field. */
    private static Matcher row(String field, String list) {
        if (field == null) {
            return null;
        }
        Matcher row = Pattern.compile("^" + Pattern.quote(list) + "\\[(\\d{1,3})](.*)$").matcher(field);
        return row.matches() ? row : null;
    }
}
