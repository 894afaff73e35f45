package jp.inochi.evacuationplans.print;

import java.util.List;
import jp.inochi.evacuationplans.print.PrintablePlan.Field;
import jp.inochi.evacuationplans.print.PrintablePlan.Section;
import jp.inochi.evacuationplans.print.PrintablePlan.Table;

/**
 * The eight sections of the plan (issue 14) with their labels and no values: the form printed to fill in by hand
 * before any version is saved. Callers may put prefilled values into it with {@link #withValue}.
 */
public final class BlankPlanForm {
    public static final String PERSON = "1. 本人";
    public static final String SUPPORTERS = "2. 避難支援等実施者";
    public static final String DESTINATIONS = "3. 避難先（災害の種類ごと）";
    public static final String HOW = "4. 避難の方法";
    public static final String POWER = "5. 電源";
    public static final String SUPPLIES = "6. 水・物品";
    public static final String CONTACTS = "7. 連絡先";
    public static final String CONSENT = "8. 情報共有の同意";

    private BlankPlanForm() {
    }

    public static List<Section> sections() {
        return List.of(
                Section.ofFields(PERSON, blank("氏名（ふりがな）", "生年月日", "住所", "電話・メール", "必要なケア")),
                Section.ofTable(SUPPORTERS, Table.of(List.of("氏名", "関係", "電話", "役割", "対応できる時間", "同意"), List.of())),
                Section.ofTable(DESTINATIONS, Table.of(List.of("災害", "避難先", "避難を始める時", "自宅の区域"), List.of(
                        List.of("洪水", "", "", ""), List.of("土砂災害", "", "", ""), List.of("津波", "", "", ""),
                        List.of("高潮", "", "", ""), List.of("地震", "", "", "")))),
                Section.ofFields(HOW, blank("移動手段", "運転する人", "持ち出す機器", "避難先までの距離")),
                Section.ofFields(POWER, blank("発電機・燃料", "停電時に使える時間", "充電できる場所", "電源が尽きそうな時"))
                        .withTable(Table.of(List.of("医療機器", "消費電力（W）", "バッテリー（時間）"), List.of())),
                Section.ofFields(SUPPLIES, blank("水（1日あたり）", "薬", "消耗品（日数分）")),
                Section.ofFields(CONTACTS, blank("主治医・病院", "訪問看護ステーション", "機器業者（24時間）", "コーディネーター")),
                Section.ofFields(CONSENT, blank("共有してよい相手", "同意日", "同意した人")));
    }

    private static List<Field> blank(String... labels) {
        return java.util.Arrays.stream(labels).map(label -> Field.of(label, "")).toList();
    }

    /** The sections with {@code value} (marked prefilled) in every field labelled {@code label}. */
    public static List<Section> withValue(List<Section> sections, String label, String value) {
        return sections.stream().map(section -> new Section(section.heading(), section.fields().stream()
                .map(field -> field.label().equals(label) ? Field.prefilled(label, value) : field).toList(),
                section.table(), section.notes(), section.showsMap())).toList();
    }
}
