package jp.inochi.audit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Routes, subjects and addresses of audit entries as people read them. */
class AuditEntriesReadInJapaneseTest {

    @Test
    void knownRoutesAreScreenNames() {
        assertEquals("地図（世帯の位置）", ScreenNames.of("GET /tiles/households/{z}/{x}/{y}.mvt"));
        assertEquals("世帯の詳細", ScreenNames.of("/households/{id}"));
        assertEquals("世帯の編集", ScreenNames.of("/households/{id}/edit"));
        assertEquals("世帯一覧（Excel）（API）", ScreenNames.of("/api/households?format=xlsx"));
        assertEquals("世帯の詳細（API）", ScreenNames.of("GET /api/households/12"));
        assertEquals("監査ログ", ScreenNames.of("GET /audit"));
        assertEquals("貸与申請の状態変更", ScreenNames.of("lifecycle/loan_application"));
        assertEquals("ダッシュボード", ScreenNames.of("/"));
    }

    @Test
    void consultationRoutesAreScreenNames() {
        assertEquals("相談記録の詳細", ScreenNames.of("/consultations/{id}"));
        assertEquals("相談記録（API）", ScreenNames.of("/api/consultations"));
        assertEquals("相談記録と世帯の結び付け（API）", ScreenNames.of("/api/consultations/{id}/link"));
        assertEquals("相談記録", SubjectNames.label("consultation"));
    }

    @Test
    void planPrintListAndFamilyLinkRoutesAreScreenNames() {
        assertEquals("個別避難計画の印刷（PDF）（API）", ScreenNames.of("GET /api/households/{id}/evacuation-plan.pdf"));
        assertEquals("ご家族向けの個別避難計画PDFのリンク（API）",
                ScreenNames.of("POST /api/households/{id}/evacuation-plan/family-link"));
        assertEquals("個別避難計画の印刷とご家族への送付", ScreenNames.of("POST /households/{id}/evacuation-plan/pdf-link"));
        assertEquals("個別避難計画（世帯）（API）", ScreenNames.of("GET /api/households/{id}/evacuation-plan/versions"));
        assertEquals("個別避難計画の一覧", ScreenNames.of("GET /evacuation-plans/list"));
        assertEquals("ご家族用のリンク（個別避難計画PDF）", ScreenNames.of("GET /family/evacuation-plan/{token}.pdf"));
        assertEquals("個別避難計画PDFのリンク", SubjectNames.label("evacuation_plan_link"));
    }

    @Test
    void testRunRoutesAreScreenNames() {
        assertEquals("毎月の試運転の回答（ご家族用のリンク）", ScreenNames.of("/family/links/test-runs/{token}"));
        assertEquals("毎月の試運転のお知らせ", ScreenNames.of("test-run-reminders"));
        assertEquals("ご家族用のリンク", ScreenNames.of("/family/links/{token}"));
        assertEquals("毎月の試運転 第3号", SubjectNames.of("test_run", "3", null));
    }

    @Test
    void anUnknownRouteIsShownAsWritten() {
        assertEquals("GET /somewhere/else", ScreenNames.of("GET /somewhere/else"));
    }

    @Test
    void subjectsAreNamedWithTheirNumberOrAName() {
        assertEquals("貸与申請 第12号", SubjectNames.of("LOAN_APPLICATION", "12", null));
        assertEquals("世帯：熊本 ひかり", SubjectNames.of("household", "3", "熊本 ひかり"));
        assertEquals("監査ログ", SubjectNames.of("audit_log", null, null));
        assertEquals("—", SubjectNames.of(null, null, null));
    }

    @Test
    void loopbackIsThisServerAndMappedIpv4IsIpv4() {
        assertEquals(ClientAddressText.THIS_SERVER, ClientAddressText.of("0:0:0:0:0:0:0:1"));
        assertEquals(ClientAddressText.THIS_SERVER, ClientAddressText.of("::1"));
        assertEquals(ClientAddressText.THIS_SERVER, ClientAddressText.of("127.0.0.1"));
        assertEquals("192.0.2.7", ClientAddressText.of("::ffff:192.0.2.7"));
        assertEquals("192.0.2.7", ClientAddressText.of("0:0:0:0:0:ffff:c000:207"));
        assertEquals("2001:db8::5", ClientAddressText.of("2001:db8::5"));
        assertEquals("—", ClientAddressText.of(null));
    }
}
