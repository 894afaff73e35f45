package jp.inochi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.inochi.devices.FuelType;
import org.junit.jupiter.api.Test;

class FormTest {

    @Test
    void numbersTypedWithAJapaneseImeAreReadAsNumbers() {
        Form form = Form.of("f", Map.of("litres", "１２．５", "count", "３", "watts", "1,800"));
        assertEquals(new BigDecimal("12.5"), form.decimal("litres"));
        assertEquals(3, form.integer("count"));
        assertEquals(1800, form.integer("watts"));
        assertFalse(form.hasErrors());
    }

    @Test
    void anUnreadableValueIsAJapaneseErrorOnItsFieldAndIsKeptAsTyped() {
        Form form = Form.of("f", Map.of("on", "2026-13-45", "litres", "たくさん", "kind", "NUCLEAR", "yes", "maybe"));
        assertNull(form.date("on"));
        assertNull(form.decimal("litres"));
        assertNull(form.choice("kind", FuelType.class));
        assertNull(form.yesNo("yes"));
        assertEquals("日付を「2026-05-10」の形式で入力してください", form.error("on"));
        assertEquals("数値を半角数字で入力してください（例: 12.5）", form.error("litres"));
        assertEquals("選択肢の中から選んでください", form.error("kind"));
        assertEquals("「はい」か「いいえ」を選んでください", form.error("yes"));
        assertEquals("2026-13-45", form.value("on"));
        assertEquals("たくさん", form.value("litres"));
    }

    @Test
    void emptyFieldsAreNullAndNotErrors() {
        Form form = Form.of("f", Map.of("on", "", "note", "   "));
        assertNull(form.date("on"));
        assertNull(form.text("note"));
        assertNull(form.text("missing"));
        assertFalse(form.hasErrors());
        assertEquals(LocalDate.of(2026, 5, 10), Form.of("f", Map.of("on", "2026/05/10")).date("on"));
    }

    @Test
    void theCsrfTokenIsNeverKeptAndAHugeValueIsCut() {
        Form form = Form.of("f", Map.of("_csrf", "secret", "note", "あ".repeat(10_000)));
        assertEquals("", form.value("_csrf"));
        assertEquals(4000, form.value("note").length());
    }

    @Test
    void onlyTheFormThatWasPostedShowsItsValuesOnAPageWithSeveral() {
        Form posted = Form.of("reject", Map.of("reason", "書類が揃わない"));
        assertEquals("書類が揃わない", posted.forAction("reject").value("reason"));
        assertEquals("", posted.forAction("withdraw").value("reason"));
        assertTrue(posted.is("reject"));
    }

    @Test
    void whatWasTypedIsListedWithoutHiddenDatesAndChoices() {
        Form form = Form.of("f", Map.of("message", "退院証明書をお送りください", "version", "3", "effectiveOn", "2026-05-10",
                "checked", "true"));
        assertEquals(List.of("退院証明書をお送りください"), form.typed());
    }

    @Test
    void theErrorSummaryFollowsTheFormsOrderNotTheOrderTheChecksRanIn() {
        Map<String, Object> posted = new java.util.LinkedHashMap<>();
        posted.put("name", "");
        posted.put("birthDate", "");
        posted.put("email", "x");
        Form form = Form.of("f", posted);
        form.reject("codes", "市町村を1つ以上選んでください");
        form.reject("email", "メールアドレスの形式ではありません");
        form.reject("name", "入力してください");
        assertEquals(List.of("name", "email", "codes"), form.errors().stream().map(e -> e.field()).toList(),
                "posted fields in their order, then what was not posted at all");
    }
}
