package jp.inochi.audit.model;

import java.util.List;
import java.util.Locale;

/**
 * The screen or service an audit entry's resource names, in the center's words: {@code GET /tiles/households/{z}/{x}/{y}.mvt}
 * is 地図（世帯の位置）. One table of known route patterns, the most specific first; a path matches a pattern when it
 * starts with the pattern's segments ({@code {}} stands for any id). A resource nobody listed is shown as written.
 */
public final class ScreenNames {
    private record Screen(String pattern, String name) {
    }

    private static final List<Screen> SCREENS = List.of(
            new Screen("/tiles/households", "地図（世帯の位置）"),
            new Screen("/tiles/hazards", "地図（ハザード）"),
            new Screen("/households/import", "世帯の一括取込"),
            new Screen("/households/{}/edit", "世帯の編集"),
            new Screen("/households/{}/shelters", "世帯の近くの避難所"),
            new Screen("/households/{}/exposure", "世帯の区域（ハザード）"),
            new Screen("/households/{}/history", "世帯の変更履歴"),
            new Screen("/households/{}/contacts", "世帯の連絡記録"),
            new Screen("/households/{}/evacuation-plan.pdf", "個別避難計画の印刷（PDF）"),
            new Screen("/households/{}/evacuation-plan/pdf-link", "個別避難計画の印刷とご家族への送付"),
            new Screen("/households/{}/evacuation-plan/family-link", "ご家族向けの個別避難計画PDFのリンク"),
            new Screen("/households/{}/evacuation-plan", "個別避難計画（世帯）"),
            new Screen("/households/{}", "世帯の詳細"),
            new Screen("/households", "世帯一覧"),
            new Screen("/loans/{}/timeline", "貸与の経過"),
            new Screen("/loans/{}/inspections", "貸与の確認（点検）"),
            new Screen("/loans/{}/incidents", "紛失・破損の記録"),
            new Screen("/loans/{}/terms", "貸与条件の同意"),
            new Screen("/loans/{}", "貸与の詳細"),
            new Screen("/loans", "貸与一覧"),
            new Screen("/loan-applications", "貸与申請"),
            new Screen("/program-applications", "事業利用申請"),
            new Screen("/applications", "申請一覧"),
            new Screen("/work-list", "期限の一覧"),
            new Screen("/follow-ups/{}/done", "要対応の完了"),
            new Screen("/follow-ups", "要対応（点検後のフォローアップ）"),
            new Screen("/trainings/{}/invitations", "研修会への招待"),
            new Screen("/trainings/{}/attendance", "研修会の出欠"),
            new Screen("/trainings/{}", "研修会の詳細"),
            new Screen("/trainings", "研修会"),
            new Screen("/consultations/{}/link", "相談記録と世帯の結び付け"),
            new Screen("/consultations/{}", "相談記録の詳細"),
            new Screen("/consultations", "相談記録"),
            new Screen("/devices", "装置"),
            new Screen("/inspections", "確認（点検）"),
            new Screen("/evacuation-plans/import", "個別避難計画の一括更新"),
            new Screen("/evacuation-plans/list", "個別避難計画の一覧"),
            new Screen("/evacuation-plans", "個別避難計画"),
            new Screen("/reminders", "お知らせメール"),
            new Screen("/outbox", "お知らせメール（送信状況）"),
            new Screen("/family-reports", "ご家族からの報告"),
            new Screen("/family/links/test-runs", "毎月の試運転の回答（ご家族用のリンク）"),
            new Screen("/family/links", "ご家族用のリンク"),
            new Screen("/family/evacuation-plan", "ご家族用のリンク（個別避難計画PDF）"),
            new Screen("test-run-reminders", "毎月の試運転のお知らせ"),
            new Screen("/map", "地図"),
            new Screen("/at-risk", "区域内の世帯"),
            new Screen("/municipalities/{}/at-risk", "区域内の世帯"),
            new Screen("/municipalities", "市町村"),
            new Screen("/municipal-subsidy-lists", "市町村の助成制度一覧"),
            new Screen("/disaster-declarations", "災害宣言"),
            new Screen("declaration expiry", "災害宣言（期限による終了）"),
            new Screen("/disaster-events", "災害対応"),
            new Screen("/disasters", "災害対応"),
            new Screen("/unreached", "災害対応（未確認の世帯）"),
            new Screen("/safety-check", "災害対応（安否確認）"),
            new Screen("/call-list", "災害対応（電話一覧）"),
            new Screen("/hazard-imports", "ハザードの読み込み"),
            new Screen("/hazard-layers", "ハザードの読み込み"),
            new Screen("/shelter-layers", "避難所データの読み込み"),
            new Screen("/boundary-layers", "境界データの読み込み"),
            new Screen("/imports", "データの読み込み"),
            new Screen("/care-coordinators", "相談支援専門員"),
            new Screen("/audit-log", "監査ログ"),
            new Screen("/audit", "監査ログ"),
            new Screen("/users", "利用者の管理"),
            new Screen("/auth", "ログイン"),
            new Screen("/token", "ログイン"),
            new Screen("/login", "ログイン"),
            new Screen("/logout", "ログアウト"),
            new Screen("session", "ログイン"),
            new Screen("token", "ログイン（API）"),
            new Screen("/dashboard", "ダッシュボード"));

    private ScreenNames() {
    }

    /** The screen's name, with （API） for the programming interface and the file kind for an export. */
    public static String of(String resource) {
        if (resource == null || resource.isBlank()) {
            return "—";
        }
        String path = resource.strip().replaceFirst("^(GET|POST|PUT|PATCH|DELETE|HEAD) ", "");
        String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
        path = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (path.startsWith("lifecycle/")) {
            return SubjectNames.label(path.substring("lifecycle/".length())) + "の状態変更";
        }
        boolean api = path.startsWith("/api/");
        String route = api ? path.substring(4) : path;
        if (route.equals("/")) {
            return "ダッシュボード";
        }
        String name = SCREENS.stream().filter(screen -> matches(segments(screen.pattern()), segments(route)))
                .map(Screen::name).findFirst().orElse(null);
        if (name == null) {
            return resource;
        }
        String format = query.toLowerCase(Locale.ROOT);
        String file = format.contains("format=xlsx") ? "（Excel）" : format.contains("format=csv") ? "（CSV）" : "";
        return name + file + (api ? "（API）" : "");
    }

    private static String[] segments(String path) {
        return path.replaceAll("^/+", "").split("/");
    }

    private static boolean matches(String[] pattern, String[] path) {
        if (path.length < pattern.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            boolean any = pattern[i].equals("{}") && (path[i].startsWith("{") || path[i].matches("\\d+"));
            if (!any && !pattern[i].equals(path[i])) {
                return false;
            }
        }
        return true;
    }
}
