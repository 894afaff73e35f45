package jp.inochi.households;

import java.util.List;
import java.util.Map;
import jp.inochi.platform.tables.TableColumn;

/** The columns of the household bulk import, in the template's order, and which form field each one fills. */
final class HouseholdImportColumns {
    static final TableColumn NUMBER = TableColumn.optional("世帯番号", "世帯ID");
    static final TableColumn FAMILY_NAME = TableColumn.required("子の姓");
    static final TableColumn GIVEN_NAME = TableColumn.required("子の名");
    static final TableColumn FAMILY_KANA = TableColumn.required("子の姓（カナ）", "子の姓カナ", "せい");
    static final TableColumn GIVEN_KANA = TableColumn.required("子の名（カナ）", "子の名カナ", "めい");
    static final TableColumn BIRTH_DATE = TableColumn.required("生年月日");
    static final TableColumn NICU = TableColumn.required("NICU入院先");
    static final TableColumn NICU_IN_KUMAMOTO = TableColumn.required("NICUは県内");
    static final TableColumn DISCHARGE = TableColumn.optional("NICU退院日");
    static final TableColumn VENTILATOR = TableColumn.required("人工呼吸器");
    static final TableColumn HOURS = TableColumn.optional("装着時間（時間/日）");
    static final TableColumn OFF_MINUTES = TableColumn.optional("外している時間（分/日）");
    static final TableColumn OTHER_CARE = TableColumn.optional("その他のケア");
    static final TableColumn POSTAL = TableColumn.optional("郵便番号");
    static final TableColumn ADDRESS = TableColumn.required("住所");
    static final TableColumn PREFECTURE = TableColumn.required("都道府県コード");
    static final TableColumn MUNICIPALITY = TableColumn.optional("市町村コード");
    static final TableColumn WARD = TableColumn.optional("区コード");
    static final TableColumn LONGITUDE = TableColumn.optional("経度");
    static final TableColumn LATITUDE = TableColumn.optional("緯度");
    static final TableColumn SHARES = TableColumn.required("市町村への情報提供の同意");
    static final TableColumn SHARING_DATE = TableColumn.optional("同意日");
    static final TableColumn EMAIL_CONSENT = TableColumn.required("メール連絡の同意");
    static final TableColumn BATTERY = TableColumn.optional("呼吸器バッテリー（時間）");
    static final TableColumn SPARE_COUNT = TableColumn.optional("予備バッテリー（個）");
    static final TableColumn SPARE_HOURS = TableColumn.optional("予備バッテリー1個の時間");
    static final TableColumn GUARDIAN = TableColumn.required("保護者氏名");
    static final TableColumn GUARDIAN_KANA = TableColumn.optional("保護者氏名（カナ）");
    static final TableColumn RELATIONSHIP = TableColumn.optional("続柄");
    static final TableColumn EMAIL = TableColumn.optional("保護者メール");
    static final TableColumn PHONE = TableColumn.optional("保護者電話");

    static final List<TableColumn> ALL = List.of(NUMBER, FAMILY_NAME, GIVEN_NAME, FAMILY_KANA, GIVEN_KANA, BIRTH_DATE,
            NICU, NICU_IN_KUMAMOTO, DISCHARGE, VENTILATOR, HOURS, OFF_MINUTES, OTHER_CARE, POSTAL, ADDRESS, PREFECTURE,
            MUNICIPALITY, WARD, LONGITUDE, LATITUDE, SHARES, SHARING_DATE, EMAIL_CONSENT, BATTERY, SPARE_COUNT,
            SPARE_HOURS, GUARDIAN, GUARDIAN_KANA, RELATIONSHIP, EMAIL, PHONE);

    /** The template's example row, in the order of {@link #ALL}. */
    static final List<String> EXAMPLE = List.of("", "熊本", "ひかり", "クマモト", "ヒカリ", "令和5年4月1日", "熊本大学病院", "はい",
            "2023/9/30", "はい", "24", "", "吸引", "868-0000", "熊本県人吉市○○町1-1", "43", "43203", "", "130.7627", "32.2104",
            "はい", "R5.10.1", "はい", "6", "1", "4", "熊本 美咲", "クマモト ミサキ", "母", "misaki@example.jp", "090-1234-5678");

    /** {@link HouseholdForm}'s field names (as validation reports them) to the column people see. */
    private static final Map<String, TableColumn> BY_FIELD = Map.ofEntries(
            Map.entry("childFamilyName", FAMILY_NAME), Map.entry("childGivenName", GIVEN_NAME),
            Map.entry("childFamilyNameKana", FAMILY_KANA), Map.entry("childGivenNameKana", GIVEN_KANA),
            Map.entry("childBirthDate", BIRTH_DATE), Map.entry("nicuInstitution", NICU),
            Map.entry("nicuInKumamoto", NICU_IN_KUMAMOTO), Map.entry("nicuDischargeDate", DISCHARGE),
            Map.entry("ventilatorDependent", VENTILATOR), Map.entry("ventilatorHoursPerDay", HOURS),
            Map.entry("ventilatorOffMinutesPerDay", OFF_MINUTES), Map.entry("otherCare", OTHER_CARE),
            Map.entry("postalCode", POSTAL), Map.entry("address", ADDRESS), Map.entry("prefectureCode", PREFECTURE),
            Map.entry("municipalityCode", MUNICIPALITY), Map.entry("wardCode", WARD), Map.entry("longitude", LONGITUDE),
            Map.entry("latitude", LATITUDE), Map.entry("sharesWithMunicipality", SHARES),
            Map.entry("sharingConsentDate", SHARING_DATE), Map.entry("emailContactConsent", EMAIL_CONSENT),
            Map.entry("ventilatorBatteryHours", BATTERY), Map.entry("spareBatteryCount", SPARE_COUNT),
            Map.entry("spareBatteryHoursEach", SPARE_HOURS), Map.entry("guardians", GUARDIAN),
            Map.entry("name", GUARDIAN), Map.entry("nameKana", GUARDIAN_KANA), Map.entry("relationship", RELATIONSHIP),
            Map.entry("email", EMAIL), Map.entry("phone", PHONE));

    private HouseholdImportColumns() {
    }

    /** The column of a form field: {@code childBirthDate} → 生年月日, {@code guardians[0].email} → 保護者メール. */
    static String labelOf(String field) {
        String last = field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d+]", "");
        TableColumn column = BY_FIELD.get(last);
        return column == null ? field : column.label();
    }
}
