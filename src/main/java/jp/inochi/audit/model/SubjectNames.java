package jp.inochi.audit.model;

import java.util.Locale;
import java.util.Map;

/** What an audit entry is about, in the center's words: {@code LOAN_APPLICATION} 12 is 「貸与申請 第12号」. */
public final class SubjectNames {
    /** Every subject type written to the audit log, by its lower-case name. */
    public static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("household", "世帯"),
            Map.entry("program_application", "事業利用申請"),
            Map.entry("loan_application", "貸与申請"),
            Map.entry("loan", "貸与"),
            Map.entry("device", "装置"),
            Map.entry("inspection", "確認（点検）"),
            Map.entry("incident", "紛失・破損"),
            Map.entry("terms_acceptance", "貸与条件の同意"),
            Map.entry("disaster_event", "災害対応"),
            Map.entry("disaster_declaration", "災害宣言"),
            Map.entry("app_user", "利用者"),
            Map.entry("outbox_message", "メール"),
            Map.entry("family_report", "ご家族からの報告"),
            Map.entry("safety_contact", "安否確認の記録"),
            Map.entry("care_coordinator", "相談支援専門員"),
            Map.entry("geo_layer_version", "地図データ"),
            Map.entry("municipal_subsidy_list", "市町村の助成制度一覧"),
            Map.entry("household_import", "世帯の一括取込"),
            Map.entry("plan_status_import", "個別避難計画の一括更新"),
            Map.entry("consultation", "相談記録"),
            Map.entry("follow_up", "要対応（フォローアップ）"),
            Map.entry("evacuation_plan", "個別避難計画"),
            Map.entry("evacuation_plan_link", "個別避難計画PDFのリンク"),
            Map.entry("device_repair", "装置の修理"),
            Map.entry("training_session", "研修会"),
            Map.entry("training_attendee", "研修会の招待・出欠"),
            Map.entry("test_run", "毎月の試運転"),
            Map.entry("audit_log", "監査ログ"));

    private SubjectNames() {
    }

    /** The kind in words; an unknown kind as written. */
    public static String label(String subjectType) {
        return LABELS.getOrDefault(subjectType.toLowerCase(Locale.ROOT), subjectType);
    }

    /** The subject in words, 「貸与申請 第12号」; {@code name} (a person's name the viewer may see) replaces the number. */
    public static String of(String subjectType, String subjectId, String name) {
        if (subjectType == null) {
            return "—";
        }
        String label = label(subjectType);
        if (name != null) {
            return label + "：" + name;
        }
        return subjectId == null ? label : label + " 第" + subjectId + "号";
    }
}
