package jp.inochi.evacuationplans.print;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.evacuationplans.print.PrintablePlan.Field;
import jp.inochi.evacuationplans.print.PrintablePlan.LonLat;
import jp.inochi.evacuationplans.print.PrintablePlan.MapData;
import jp.inochi.evacuationplans.print.PrintablePlan.Place;
import jp.inochi.evacuationplans.print.PrintablePlan.Row;
import jp.inochi.evacuationplans.print.PrintablePlan.Section;
import jp.inochi.evacuationplans.print.PrintablePlan.Table;

/** A full plan of a child in 人吉市, as the plan model will hand it to the printer (tests and the benchmark). */
public final class SamplePrintablePlans {
    public static final String CHILD = "球磨川 ひかり";
    public static final List<String> SUPPORTERS = List.of("球磨川 一郎", "相良 みどり", "人吉 太一", "青井 ゆかり");
    public static final String POWER_HOURS = "約18時間";

    private SamplePrintablePlans() {
    }

    public static PrintablePlan full() {
        return plan(List.of());
    }

    /** The full plan with {@code extraRows} more supporters and long notes: enough for a second page. */
    public static PrintablePlan longer(int extraRows) {
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < extraRows; i++) {
            notes.add("補足" + (i + 1) + "：夜間に停電した場合は、まず外部バッテリーに切り替え、発電機の始動を確認してから"
                    + "避難支援等実施者に電話で連絡します。連絡がつかない時は次の人に連絡します。");
        }
        return plan(notes);
    }

    public static PrintablePlan blank() {
        return new PrintablePlan("", "", "", List.of("未保存（下書き）"), BlankPlanForm.sections(), null, true);
    }

    private static PrintablePlan plan(List<String> notes) {
        List<Row> supporters = new ArrayList<>();
        String[] relations = {"父", "近隣住民", "民生委員", "訪問看護"};
        for (int i = 0; i < SUPPORTERS.size(); i++) {
            supporters.add(new Row(List.of(SUPPORTERS.get(i), relations[i], "090-1234-56" + (10 + i),
                    i == 0 ? "運転、呼吸器と発電機の積み込み" : "声かけ、吸引器の持ち出し", i % 2 == 0 ? "終日" : "平日昼", "同意済"), false));
        }
        List<Section> sections = List.of(
                Section.ofFields(BlankPlanForm.PERSON,
                        Field.prefilled("氏名（ふりがな）", CHILD + "（くまがわ ひかり）"),
                        Field.prefilled("生年月日", "令和2年4月1日（2020年4月1日）"),
                        Field.prefilled("住所", "熊本県人吉市下青井町12-3"),
                        Field.of("電話・メール", "0966-22-0000"),
                        Field.of("必要なケア", "人工呼吸器（24時間）、たんの吸引（1時間ごと）、経管栄養。抱っこでの移動は2人で行う。")),
                Section.ofTable(BlankPlanForm.SUPPORTERS, new Table(
                        List.of("氏名", "関係", "電話", "役割", "対応できる時間", "同意"), supporters))
                        .withNotes(notes.toArray(String[]::new)),
                Section.ofTable(BlankPlanForm.DESTINATIONS, Table.of(List.of("災害", "避難先", "避難を始める時", "自宅の区域"), List.of(
                        List.of("洪水", "人吉スポーツパレス（福祉避難所）", "高齢者等避難（警戒レベル3）", "浸水 3.0〜5.0m"),
                        List.of("土砂災害", "自宅の2階", "土砂災害警戒情報", "区域外"),
                        List.of("地震", "人吉医療センター", "停電が3時間を超えた時", "—")))),
                Section.map("避難先の地図"),
                Section.ofFields(BlankPlanForm.HOW,
                        Field.of("移動手段", "自家用車（AC100V電源付き）"), Field.of("運転する人", "球磨川 一郎"),
                        Field.of("持ち出す機器", "人工呼吸器、吸引器、パルスオキシメーター、外部バッテリー2個"),
                        Field.prefilled("避難先までの距離", "人吉スポーツパレスまで直線 2.1km")),
                Section.ofFields(BlankPlanForm.POWER,
                        Field.prefilled("発電機・燃料", "貸与発電機 IG-1800（カセットガス 6本）"),
                        Field.prefilled("停電時に使える時間", POWER_HOURS + "（呼吸器・吸引器を使った場合）"),
                        Field.of("充電できる場所", "人吉スポーツパレス、人吉医療センター"),
                        Field.of("電源が尽きそうな時", "2時間前に訪問看護へ連絡し、人吉医療センターへ移動"))
                        .withTable(Table.of(List.of("医療機器", "消費電力（W）", "バッテリー（時間）"), List.of(
                                List.of("人工呼吸器", "60", "8"), List.of("吸引器", "100", "1"), List.of("パルスオキシメーター", "", "24")))),
                Section.ofFields(BlankPlanForm.SUPPLIES, Field.of("水（1日あたり）", "3リットル"),
                        Field.of("薬", "7日分"), Field.of("消耗品（日数分）", "吸引カテーテル、人工鼻 7日分")),
                Section.ofFields(BlankPlanForm.CONTACTS, Field.of("主治医・病院", "人吉医療センター 小児科 0966-22-2191"),
                        Field.of("訪問看護ステーション", "ひとよし訪問看護 0966-00-0000"),
                        Field.of("機器業者（24時間）", "0120-000-000"), Field.prefilled("コーディネーター", "熊本県医療的ケア児支援センター")),
                Section.ofFields(BlankPlanForm.CONSENT, Field.of("共有してよい相手", "消防、警察、民生委員、自主防災組織、避難支援等実施者"),
                        Field.of("同意日", "令和8年5月10日（2026年5月10日）"), Field.of("同意した人", "球磨川 一郎（父）"))
                        .withNotes("平常時の情報提供は人吉市の条例に基づきます。"));
        MapData map = new MapData(new LonLat(130.7626, 32.2109),
                List.of(new Place("人吉スポーツパレス", new LonLat(130.7867, 32.2093)),
                        new Place("人吉医療センター", new LonLat(130.7545, 32.2170))),
                List.of(List.of(new LonLat(130.70, 32.18), new LonLat(130.82, 32.18), new LonLat(130.82, 32.25),
                        new LonLat(130.70, 32.25), new LonLat(130.70, 32.18))));
        return new PrintablePlan(CHILD, "くまがわ ひかり", "人吉市　世帯番号 H-0012",
                List.of(PrintablePlan.versionLine(3, LocalDate.of(2026, 5, 10), "人吉市 防災担当"),
                        PrintablePlan.printedLine(LocalDate.of(2026, 6, 1))),
                sections, map, false);
    }
}
