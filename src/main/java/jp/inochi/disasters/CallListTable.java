package jp.inochi.disasters;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jp.inochi.access.AccessBasis;
import jp.inochi.platform.xlsx.XlsxColumn;

/**
 * The call list (and the unreached list) as a table, one typed row per household, for the CSV and the .xlsx: ranks,
 * ids, counts, hours and coordinates as numbers; reply, restoration and fuel times as moments and dates. A list for
 * a municipal office has no column of clinical detail.
 */
final class CallListTable {
    private static final String HOURS = "0.0";

    private CallListTable() {
    }

    /** True when every household is shown on the center's basis: only then the clinical column is there. */
    static boolean forCenter(EventViews.CallList list) {
        return list.households().stream().allMatch(row -> row.basis() == AccessBasis.CENTER);
    }

    static List<XlsxColumn> columns(boolean center) {
        List<XlsxColumn> columns = new ArrayList<>(List.of(XlsxColumn.integer("順位"), XlsxColumn.integer("世帯ID"),
                text("閲覧の根拠"), text("区分"), text("児童氏名"), text("児童氏名（カナ）"), text("住所"), text("市町村"), text("区")));
        if (center) {
            columns.add(XlsxColumn.number("人工呼吸器の使用（時間/日）", HOURS));
        }
        columns.addAll(List.of(text("安否の状況"), text("回答"), text("回答の内容"), XlsxColumn.dateTime("回答日時"),
                text("回答の方法"), XlsxColumn.integer("電話等の回数"), text("最後の電話等"), text("安否確認メール"),
                hours("電源の残り（時間）"), hours("電源の合計（時間）"), hours("内部バッテリー（時間）"), hours("予備バッテリー（時間）"),
                hours("発電機（時間）"), hours("ほかの電源（時間）"), XlsxColumn.date("燃料の記録日"), text("注意"), text("未登録の項目"),
                XlsxColumn.dateTime("復旧見込み"), text("自宅のハザード"), text("個別避難計画"), text("保護者1"), text("電話1"),
                text("メール1"), text("保護者2"), text("電話2"), text("メール2"), text("コーディネーター"),
                text("コーディネーターの連絡先"), text("福祉避難所候補1"), text("福祉避難所候補2"), text("福祉避難所候補3"),
                text("対象の理由"), XlsxColumn.number("経度", "0.000000"), XlsxColumn.number("緯度", "0.000000")));
        return columns;
    }

    static List<Object> cells(EventViews.Row row, boolean center) {
        List<Object> cells = new ArrayList<>();
        cells.add(row.rank());
        cells.add(row.householdId());
        cells.add(row.basis().label());
        cells.add(row.groupLabel());
        cells.add(row.childName());
        cells.add(row.childNameKana());
        cells.add(row.address());
        cells.add(row.municipalityName());
        cells.add(row.wardCode());
        if (center) {
            cells.add(row.clinical() == null ? null : row.clinical().ventilatorHoursPerDay());
        }
        EventViews.Safety safety = row.safety();
        cells.add(safety.statusLabel());
        cells.add(safety.replyLabel());
        cells.add(safety.replyDetail());
        cells.add(safety.repliedAt());
        cells.add(safety.replyMethod());
        cells.add(safety.attempts());
        cells.add(safety.lastAttemptLabel() == null ? null
                : safety.lastAttemptLabel() + "（" + EventViews.label(safety.lastAttemptAt()) + "）");
        cells.add(safety.emailLabel());
        EventViews.Power power = row.power();
        cells.addAll(List.of(power.remainingHours(), power.totalHours(), power.batteryHours(), power.spareBatteryHours(),
                power.generatorHours(), power.otherHours()));
        cells.add(power.fuelRecordedOn());
        cells.add(power.flags().stream().map(EventViews.Flag::label).collect(Collectors.joining("・")));
        cells.add(String.join("・", power.unknowns()));
        cells.add(power.expectedRestorationAt());
        cells.add(row.hazard() == null ? "指定なし（対象の災害種別）" : row.hazard().hazardLabel() + " " + row.hazard().label());
        cells.add(row.evacuationPlanStatus().label());
        for (int i = 0; i < 2; i++) {
            EventViews.Contact contact = i < row.guardians().size() ? row.guardians().get(i) : null;
            cells.add(contact == null ? null : contact.name() + (contact.relationship() == null ? "" : "（" + contact.relationship() + "）"));
            cells.add(contact == null ? null : contact.phone());
            cells.add(contact == null ? null : contact.email());
        }
        cells.add(row.coordinator() == null ? null : row.coordinator().name()
                + (row.coordinator().organisation() == null ? "" : "（" + row.coordinator().organisation() + "）"));
        cells.add(row.coordinator() == null ? null : String.join(" ", nonNull(row.coordinator().phone(), row.coordinator().email())));
        for (int i = 0; i < 3; i++) {
            EventViews.Shelter shelter = i < row.shelters().size() ? row.shelters().get(i) : null;
            cells.add(shelter == null ? (i == 0 ? row.shelterNote() : null) : shelter.name() + "（" + shelter.distanceLabel() + "）");
        }
        cells.add(row.includedBecause());
        cells.add(row.longitude());
        cells.add(row.latitude());
        return cells;
    }

    private static XlsxColumn text(String header) {
        return XlsxColumn.text(header);
    }

    private static XlsxColumn hours(String header) {
        return XlsxColumn.number(header, HOURS);
    }

    private static List<String> nonNull(String... values) {
        List<String> list = new ArrayList<>();
        for (String value : values) {
            if (value != null) {
                list.add(value);
            }
        }
        return list;
    }
}
