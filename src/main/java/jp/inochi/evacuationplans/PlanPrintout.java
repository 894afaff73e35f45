package jp.inochi.evacuationplans;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import jakarta.inject.Singleton;
import jp.inochi.evacuationplans.model.EvacuationPlan;
import jp.inochi.evacuationplans.model.EvacuationPlan.Destination;
import jp.inochi.evacuationplans.model.EvacuationPlan.Supporter;
import jp.inochi.evacuationplans.model.PlanHazard;
import jp.inochi.evacuationplans.print.BlankPlanForm;
import jp.inochi.evacuationplans.print.PrintablePlan;
import jp.inochi.evacuationplans.print.PrintablePlan.Field;
import jp.inochi.evacuationplans.print.PrintablePlan.MapData;
import jp.inochi.evacuationplans.print.PrintablePlan.Place;
import jp.inochi.evacuationplans.print.PrintablePlan.Row;
import jp.inochi.evacuationplans.print.PrintablePlan.Section;
import jp.inochi.evacuationplans.print.PrintablePlan.Table;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.platform.time.JapaneseDates;

/**
 * Turns a household's plan (a saved version, or the prefilled draft printed as a form to fill in by hand) into what
 * the PDF shows: the eight sections in words, the fields Inochi filled marked, and the map of home and shelters.
 */
@Singleton
class PlanPrintout {
    private final PlanMapPlaces places;

    PlanPrintout(PlanMapPlaces places) {
        this.places = places;
    }

    PrintablePlan of(PlanDocument document, String householdLabel, String municipalityCode, LocalDate today) {
        EvacuationPlan plan = document.plan();
        Function<String, Boolean> prefilled = field -> document.prefilled().stream().anyMatch(p -> p.startsWith(field));
        List<String> versionLines = new ArrayList<>();
        if (document.saved()) {
            versionLines.add(PrintablePlan.versionLine(document.version(),
                    document.savedAt().atZone(JapanTime.ZONE).toLocalDate(), document.savedByName()) + "（" + document.stateLabel() + "）");
        } else {
            versionLines.add("未保存の下書きです。空欄に手書きで記入してください（＊は Inochi の記録から記入）");
        }
        if (document.reviewNeeded()) {
            versionLines.add(PlanDocument.REVIEW_NEEDED + "：" + document.reviewReasons().stream()
                    .map(ReviewNote::reasonLabel).collect(Collectors.joining("、")));
        }
        versionLines.add(PrintablePlan.printedLine(today));
        List<Section> sections = List.of(person(plan, prefilled), supporters(plan), destinations(document, prefilled),
                how(plan), power(plan, prefilled), supplies(plan), contacts(plan, prefilled), consent(plan),
                Section.map("地図（自宅と避難先、直線距離）"));
        return new PrintablePlan(plan.person().name(), plan.person().nameKana(), householdLabel, versionLines, sections,
                map(document, municipalityCode), !document.saved());
    }

    private static Section person(EvacuationPlan plan, Function<String, Boolean> prefilled) {
        EvacuationPlan.Person person = plan.person();
        String name = text(person.name()) + (blank(person.nameKana()) ? "" : "（" + person.nameKana() + "）");
        return Section.ofFields(BlankPlanForm.PERSON, List.of(
                field("氏名（ふりがな）", name, prefilled.apply("person.name")),
                field("生年月日", person.birthDate() == null ? "" : JapaneseDates.withGregorian(person.birthDate()),
                        prefilled.apply("person.birthDate")),
                field("住所", person.address(), prefilled.apply("person.address")),
                field("電話・メール", listed(person.phones()), prefilled.apply("person.phones")),
                Field.of("必要なケア", person.careNeeds())));
    }

    private static Section supporters(EvacuationPlan plan) {
        List<List<String>> rows = new ArrayList<>();
        for (Supporter supporter : plan.supporters()) {
            rows.add(List.of(text(supporter.name()), supporter.relation() == null ? "" : supporter.relation().label(),
                    text(supporter.phone()), text(supporter.role()), availability(supporter),
                    supporter.agreed() ? "同意済み" : "未同意"));
        }
        return Section.ofTable(BlankPlanForm.SUPPORTERS, Table.of(
                List.of("氏名", "関係", "電話", "役割", "対応できる時間", "同意"), rows));
    }

    private static String availability(Supporter supporter) {
        List<String> when = new ArrayList<>();
        if (supporter.daytime()) {
            when.add("日中");
        }
        if (supporter.night()) {
            when.add("夜間");
        }
        if (supporter.weekends()) {
            when.add("休日");
        }
        return String.join("・", when);
    }

    private static Section destinations(PlanDocument document, Function<String, Boolean> prefilled) {
        List<Row> rows = new ArrayList<>();
        for (PlanHazard hazard : PlanHazard.values()) {
            String zone = document.home().hazards().stream().filter(home -> home.hazard() == hazard)
                    .map(HomeContext.HomeHazard::label).findFirst().orElse("");
            List<Destination> chosen = document.plan().destinations().stream().filter(d -> d.hazard() == hazard).toList();
            if (chosen.isEmpty()) {
                rows.add(new Row(List.of(hazard.label(), "", "", zone), false));
            }
            for (Destination destination : chosen) {
                int index = document.plan().destinations().indexOf(destination);
                rows.add(new Row(List.of(hazard.label(), where(destination), text(destination.whenToLeave()), zone),
                        prefilled.apply("destinations[" + index + "]")));
            }
        }
        return Section.ofTable(BlankPlanForm.DESTINATIONS,
                new Table(List.of("災害", "避難先", "避難を始める時", "自宅の区域"), rows));
    }

    static String where(Destination destination) {
        String kind = destination.kind() == null ? "" : destination.kind().label();
        String place = blank(destination.place()) ? "" : "　" + destination.place();
        String distance = destination.distanceM() == null ? "" : "（直線 " + kilometres(destination.distanceM()) + "）";
        return (kind + place + distance).strip();
    }

    private static Section how(EvacuationPlan plan) {
        EvacuationPlan.Transport transport = plan.transport();
        return Section.ofFields(BlankPlanForm.HOW, List.of(
                Field.of("移動手段", transport.kind() == null ? "" : transport.kind().label()),
                Field.of("運転する人", transport.driver()),
                Field.of("持ち出す機器", listed(transport.equipment())),
                Field.of("避難先までの距離", transport.routeDistanceM() == null ? ""
                        : "直線 " + kilometres(transport.routeDistanceM()))));
    }

    private static Section power(EvacuationPlan plan, Function<String, Boolean> prefilled) {
        EvacuationPlan.Power power = plan.power();
        String generator = text(power.generator()) + (power.fuelLitres() == null ? ""
                : "　燃料 " + number(power.fuelLitres()) + " L");
        List<Row> devices = new ArrayList<>();
        for (int i = 0; power.devices() != null && i < power.devices().size(); i++) {
            EvacuationPlan.MedicalDevice device = power.devices().get(i);
            String kind = device.kind() == null ? "" : device.kind().label();
            devices.add(new Row(List.of((kind + (blank(device.name()) ? "" : "（" + device.name() + "）")).strip(),
                    device.watts() == null ? "未記入（要確認）" : device.watts() + " W",
                    device.batteryHours() == null ? "" : number(device.batteryHours()) + " 時間"),
                    prefilled.apply("power.devices[" + i + "]")));
        }
        return Section.ofFields(BlankPlanForm.POWER, List.of(
                        field("発電機・燃料", generator, prefilled.apply("power.generator")),
                        field("停電時に使える時間", power.autonomyHours() == null ? "" : "約 " + number(power.autonomyHours()) + " 時間",
                                prefilled.apply("power.autonomyHours")),
                        Field.of("充電できる場所", listed(power.chargingPlaces())),
                        Field.of("電源が尽きそうな時", power.whenItRunsOut())))
                .withTable(new Table(List.of("医療機器", "消費電力（W）", "バッテリー（時間）"), devices));
    }

    private static Section supplies(EvacuationPlan plan) {
        EvacuationPlan.Supplies supplies = plan.supplies();
        return Section.ofFields(BlankPlanForm.SUPPLIES, List.of(
                Field.of("水（1日あたり）", supplies.waterLitresPerDay() == null ? "" : number(supplies.waterLitresPerDay()) + " L"),
                Field.of("薬", supplies.medicines()),
                Field.of("消耗品（日数分）", text(supplies.consumables())
                        + (supplies.days() == null ? "" : "（" + supplies.days() + " 日分）"))));
    }

    private static Section contacts(EvacuationPlan plan, Function<String, Boolean> prefilled) {
        EvacuationPlan.Contacts contacts = plan.contacts();
        return Section.ofFields(BlankPlanForm.CONTACTS, List.of(
                Field.of("主治医・病院", joined(contacts.doctor(), contacts.hospital(), contacts.hospitalPhone())),
                Field.of("訪問看護ステーション", joined(contacts.visitingNurse(), contacts.visitingNursePhone())),
                Field.of("機器業者（24時間）", contacts.supplierLine()),
                field("コーディネーター", joined(contacts.coordinator(), contacts.coordinatorPhone()),
                        prefilled.apply("contacts.coordinator"))));
    }

    private static Section consent(EvacuationPlan plan) {
        EvacuationPlan.SharingConsent sharing = plan.sharing();
        Section section = Section.ofFields(BlankPlanForm.CONSENT, List.of(
                Field.of("共有してよい相手", sharing.with().stream().map(with -> with.label()).collect(Collectors.joining("、"))),
                Field.of("同意日", sharing.agreedOn() == null ? "" : JapaneseDates.withGregorian(sharing.agreedOn())),
                Field.of("同意した人", sharing.agreedBy())));
        return blank(sharing.ordinanceNote()) ? section : section.withNotes(sharing.ordinanceNote());
    }

    private MapData map(PlanDocument document, String municipalityCode) {
        List<Place> destinations = new ArrayList<>();
        for (Destination destination : document.plan().destinations()) {
            if (destination.shelterId() == null) {
                continue;
            }
            String label = destination.hazard().label() + "：" + text(destination.place());
            Optional<PrintablePlan.LonLat> at = places.shelter(destination.shelterId());
            if (at.isPresent() && destinations.stream().noneMatch(place -> place.at().equals(at.get()))) {
                destinations.add(new Place(label, at.get()));
            }
        }
        return new MapData(places.home(document.householdId()).orElse(null), destinations, places.outline(municipalityCode));
    }

    private static Field field(String label, String value, boolean prefilled) {
        return prefilled && !blank(value) ? Field.prefilled(label, value) : Field.of(label, value);
    }

    private static String listed(List<String> items) {
        return items == null ? "" : String.join("、", items.stream().filter(item -> !blank(item)).toList());
    }

    private static String joined(String... parts) {
        return java.util.Arrays.stream(parts).filter(part -> !blank(part)).collect(Collectors.joining("　"));
    }

    static String kilometres(long metres) {
        return String.format("%.1f km", metres / 1000.0);
    }

    private static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
