package jp.inochi.evacuationplans;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import jp.inochi.evacuationplans.model.DestinationKind;
import jp.inochi.evacuationplans.model.MedicalDeviceKind;
import jp.inochi.evacuationplans.model.PlanFinding;
import jp.inochi.evacuationplans.model.PlanHazard;
import jp.inochi.evacuationplans.model.ShareWith;
import jp.inochi.evacuationplans.model.SupporterRelation;
import jp.inochi.evacuationplans.model.TransportKind;
import jp.inochi.web.Form;

/** What the editor page shows besides the form: rows, choices, what the rules found and which fields Inochi filled. */
final class PlanEditorView {
    static final String FORM = "plan";

    private PlanEditorView() {
    }

    /** The form for a plan as loaded: every field, the version read, and what Inochi filled as it was shown. */
    static Form form(PlanDocument document) {
        Map<String, String> values = PlanEditorFields.of(document.plan());
        int destinations = document.plan().destinations().size();
        for (PlanHazard hazard : PlanHazard.values()) {
            if (document.plan().destinations().stream().noneMatch(d -> d.hazard() == hazard)) {
                values.put("destinations[" + destinations++ + "].hazard", hazard.name());
            }
        }
        values.put("version", String.valueOf(document.version() == null ? 0 : document.version()));
        values.put("supporterRows", String.valueOf(Math.max(1, document.plan().supporters().size())));
        values.put("deviceRows", String.valueOf(Math.max(1, document.plan().power().devices().size())));
        values.put("prefilled", String.join(" ", document.prefilled()));
        Map<String, String> shown = new LinkedHashMap<>(values);
        for (String name : document.prefilled()) {
            shown.forEach((key, value) -> {
                if (PlanEditorFields.owns(name, key)) {
                    values.put("was." + key, value);
                }
            });
        }
        List<String> pairs = new ArrayList<>();
        values.forEach((key, value) -> {
            pairs.add(key);
            pairs.add(value);
        });
        return Form.blank(FORM, pairs.toArray(String[]::new));
    }

    /** The page's model beside the header: the form and everything its sections choose from. */
    static void addTo(Map<String, Object> model, PlanDocument document, Form form, List<PlanFinding> findings,
                      List<PlanVersion> versions, boolean addSupporter, boolean addDevice) {
        model.put("doc", document);
        model.put("form", form);
        model.put("versions", versions);
        model.put("supporterRows", rows(PlanEditorReading.rows(form, "supporterRows", 1) + (addSupporter ? 1 : 0)));
        model.put("deviceRows", rows(PlanEditorReading.rows(form, "deviceRows", 1) + (addDevice ? 1 : 0)));
        int destinations = 0;
        while (!form.value("destinations[" + destinations + "].hazard").isEmpty() && destinations < PlanEditorReading.MAX_ROWS) {
            destinations++;
        }
        model.put("destinationRows", rows(destinations));
        model.put("distances", rows(destinations).stream().map(row -> form.value("destinations[" + row + "].distanceM"))
                .map(metres -> metres.matches("\\d{1,9}") ? distance(Long.parseLong(metres)) : "").toList());
        model.put("hazardLabels", Arrays.stream(PlanHazard.values())
                .collect(LinkedHashMap::new, (map, h) -> map.put(h.name(), h.label()), Map::putAll));
        model.put("shelterOptions", rows(destinations).stream().map(row -> shelterOptions(document.home(), form, row)).toList());
        model.put("relations", SupporterRelation.values());
        model.put("destinationKinds", DestinationKind.values());
        model.put("transportKinds", TransportKind.values());
        model.put("deviceKinds", MedicalDeviceKind.values());
        model.put("shareWith", ShareWith.values());
        model.put("prefilled", prefilled(form));
        Map<String, List<PlanFinding>> byField = new LinkedHashMap<>();
        findings.stream().filter(f -> f.level() != PlanFinding.Level.ERROR)
                .forEach(f -> byField.computeIfAbsent(f.field(), k -> new ArrayList<>()).add(f));
        model.put("findings", byField);
        model.put("warnings", findings.stream().filter(f -> f.level() == PlanFinding.Level.WARNING).toList());
        model.put("powerFlags", findings.stream().filter(f -> f.level() == PlanFinding.Level.FLAG).toList());
        model.put("printHref", "/api/households/" + document.householdId() + "/evacuation-plan.pdf");
    }

    /** The names Inochi filled, as the form carries them (the fields' own keys and their rows). */
    private static Set<String> prefilled(Form form) {
        String names = form.text("prefilled");
        return names == null ? Set.of() : new LinkedHashSet<>(List.of(names.split("\\s+")));
    }

    /** A shelter to choose: its id, its name with distance and zone in words, and whether it lies in the hazard's zone. */
    record ShelterOption(String id, String label, boolean inZone) {
    }

    /**
     * Inochi's shelters for a row's hazard, nearest first, each said in or outside that hazard's zone (earthquake,
     * with no mapped zones, is offered the shelters of every hazard); a shelter saved before stays choosable.
     */
    static List<ShelterOption> shelterOptions(HomeContext home, Form form, int row) {
        String hazardName = form.value("destinations[" + row + "].hazard");
        PlanHazard hazard = Arrays.stream(PlanHazard.values()).filter(h -> h.name().equals(hazardName)).findFirst().orElse(null);
        List<ShelterOption> options = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        home.shelterChoices().stream().filter(c -> hazard == null || hazard.zoneType() == null || c.hazard() == hazard)
                .sorted((a, b) -> Long.compare(a.distanceM(), b.distanceM())).filter(c -> seen.add(c.shelterId()))
                .forEach(c -> {
                    boolean zoned = hazard != null && hazard.zoneType() != null;
                    String zone = !zoned ? "" : c.inHazardZone() ? "・" + hazard.label() + "の区域内" : "・区域外";
                    String welfare = c.welfareCandidate() ? "・福祉避難所の候補" : "";
                    options.add(new ShelterOption(String.valueOf(c.shelterId()), c.name() + "（" + distance(c.distanceM())
                            + zone + welfare + "）", zoned && c.inHazardZone()));
                });
        String chosen = form.value("destinations[" + row + "].shelterId");
        if (!chosen.isEmpty() && options.stream().noneMatch(o -> o.id().equals(chosen))) {
            String place = form.value("destinations[" + row + "].place");
            options.add(new ShelterOption(chosen, (place.isEmpty() ? "避難所 " + chosen : place) + "（保存済みの避難先）", false));
        }
        return options;
    }

    /** Straight-line distance as the household page says it: 850m, 1.2km. */
    static String distance(long metres) {
        return metres >= 1000 ? (metres / 100) / 10.0 + "km" : metres + "m";
    }

    private static List<Integer> rows(int count) {
        return IntStream.range(0, count).boxed().toList();
    }
}
