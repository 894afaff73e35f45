package jp.inochi.disasters;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jp.inochi.access.AccessBasis;
import jp.inochi.disasters.EventViews;
import jp.inochi.platform.csv.ExcelCsv;
import jp.inochi.platform.time.JapaneseDates;
import jp.inochi.atrisk.AtRiskList;

/**
 * The call list, the unreached list and the event record as CSV for Excel ({@link ExcelCsv}: UTF-8 with BOM, CRLF,
 * formulas defused), with Japanese headers, 和暦 beside Gregorian, and after the table the notice and the data
 * credits. A list for a municipal office has no column of clinical detail.
 */
final class EventCsv {
    private EventCsv() {
    }

    static byte[] callList(EventViews.CallList list) {
        boolean center = list.households().stream().allMatch(row -> row.basis() == AccessBasis.CENTER);
        List<String> headers = new ArrayList<>(List.of("順位", "世帯ID", "閲覧の根拠", "区分", "児童氏名", "児童氏名（カナ）",
                "住所", "市町村", "区"));
        if (center) {
            headers.add("人工呼吸器の使用（時間/日）");
        }
        headers.addAll(List.of("安否の状況", "回答", "回答の内容", "回答日時", "回答の方法", "電話等の回数", "最後の電話等",
                "安否確認メール", "電源の残り（時間）", "電源の合計（時間）", "内部バッテリー（時間）", "予備バッテリー（時間）",
                "発電機（時間）", "ほかの電源（時間）", "燃料の記録日", "注意", "未登録の項目", "復旧見込み", "自宅のハザード",
                "個別避難計画", "保護者1", "電話1", "メール1", "保護者2", "電話2", "メール2", "コーディネーター",
                "コーディネーターの連絡先", "福祉避難所候補1", "福祉避難所候補2", "福祉避難所候補3", "対象の理由", "経度", "緯度"));
        ExcelCsv csv = new ExcelCsv(headers);
        for (EventViews.Row row : list.households()) {
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
                cells.add(row.clinical() == null || row.clinical().ventilatorHoursPerDay() == null ? null
                        : row.clinical().ventilatorHoursPerDay().toPlainString());
            }
            EventViews.Safety safety = row.safety();
            cells.add(safety.statusLabel());
            cells.add(safety.replyLabel());
            cells.add(safety.replyDetail());
            cells.add(safety.repliedAtLabel());
            cells.add(safety.replyMethod());
            cells.add(safety.attempts());
            cells.add(safety.lastAttemptLabel() == null ? null : safety.lastAttemptLabel() + "（" + EventViews.label(safety.lastAttemptAt()) + "）");
            cells.add(safety.emailLabel());
            EventViews.Power power = row.power();
            cells.add(power.remainingHours().toPlainString());
            cells.add(power.totalHours().toPlainString());
            cells.add(power.batteryHours().toPlainString());
            cells.add(power.spareBatteryHours().toPlainString());
            cells.add(power.generatorHours().toPlainString());
            cells.add(power.otherHours().toPlainString());
            cells.add(power.fuelRecordedOn() == null ? null : JapaneseDates.withGregorian(power.fuelRecordedOn()));
            cells.add(power.flags().stream().map(EventViews.Flag::label).collect(Collectors.joining("・")));
            cells.add(String.join("・", power.unknowns()));
            cells.add(power.expectedRestorationAtLabel());
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
                cells.add(shelter == null ? null : shelter.name() + "（" + String.format("%.1f", shelter.distanceM() / 1000.0) + "km）");
            }
            cells.add(row.includedBecause());
            cells.add(row.longitude() == null ? null : String.format("%.6f", row.longitude()));
            cells.add(row.latitude() == null ? null : String.format("%.6f", row.latitude()));
            csv.row(cells);
        }
        csv.row(List.of());
        csv.row(List.of("※ 災害対応: " + list.event().name() + "（" + list.event().eventTypeLabel() + "）" + list.event().areaDescription()));
        csv.row(List.of("※ 並び順: " + list.order()));
        csv.row(List.of("※ " + list.notice()));
        csv.row(List.of("※ 作成日時: " + list.generatedAtLabel()));
        for (AtRiskList.Credit credit : list.credits()) {
            csv.row(List.of("出典（" + credit.hazardLabel() + "・" + credit.layerName() + "）: "
                    + (credit.credit() != null ? credit.credit() : credit.source())
                    + (credit.licence() != null ? "（" + credit.licence() + "）" : "")));
        }
        return csv.bytes();
    }

    /** One line per contact (a household without any: one line saying so), oldest first within each household. */
    static byte[] record(EventViews.Record record) {
        ExcelCsv csv = new ExcelCsv(List.of("世帯ID", "児童氏名", "市町村", "人工呼吸器", "対象の理由", "最終の状況",
                "安否確認メール", "メール送信日時", "最初に安否を確認した日時", "連絡日時", "方法", "結果", "回答", "内容", "記録者"));
        for (EventViews.RecordHousehold household : record.households()) {
            List<Object> base = List.of(household.householdId(), household.childName(),
                    household.municipalityName() == null ? "" : household.municipalityName(),
                    household.ventilatorDependent() ? "あり" : "なし", household.includedBecause(), household.finalStatusLabel(),
                    household.emailLabel(), household.emailSentAt() == null ? "" : EventViews.label(household.emailSentAt()),
                    household.firstReachedAt() == null ? "未確認" : EventViews.label(household.firstReachedAt()));
            if (household.contacts().isEmpty()) {
                List<Object> cells = new ArrayList<>(base);
                cells.addAll(List.of("", "連絡の記録なし", "", "", "", ""));
                csv.row(cells);
            }
            for (EventViews.RecordContact contact : household.contacts()) {
                List<Object> cells = new ArrayList<>(base);
                cells.add(contact.contactedAtLabel());
                cells.add(contact.methodLabel());
                cells.add(contact.outcomeLabel());
                cells.add(contact.replyLabel());
                cells.add(contact.detail());
                cells.add(contact.recordedBy());
                csv.row(cells);
            }
        }
        csv.row(List.of());
        csv.row(List.of("※ 災害対応: " + record.event().name() + "（" + record.event().eventTypeLabel() + "、"
                + record.event().stateLabel() + "）" + record.event().areaDescription()));
        csv.row(List.of("※ 作成日時: " + record.generatedAtLabel()));
        return csv.bytes();
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
