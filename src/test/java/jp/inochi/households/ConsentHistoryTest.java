package jp.inochi.households;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.testsupport.HouseholdForms;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Problems;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ConsentHistoryTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    TestLogins logins;

    @Inject
    MovableClock clock;

    @BeforeEach
    void today() {
        clock.setDate(LocalDate.of(2026, 5, 10));
    }

    private long register(Map<String, Object> form) {
        Map<?, ?> created = http.toBlocking().retrieve(
                logins.as(Role.CENTER_STAFF, HttpRequest.POST("/api/households", form)), Map.class);
        return ((Number) created.get("id")).longValue();
    }

    private List<String> scopes(long id) {
        return Sql.queryForStrings("SELECT scope FROM household_consent_change WHERE household_id = ? ORDER BY id", id);
    }

    @Test
    void withdrawingTheSharingConsentAddsAHistoryRowBesideTheCorrection() throws Exception {
        Map<String, Object> form = HouseholdForms.hitoyoshi();
        long id = register(form);
        form.put("version", 0);
        form.put("sharesWithMunicipality", false);
        form.remove("sharingConsentDate");
        http.toBlocking().exchange(logins.as(Role.CENTER_STAFF, HttpRequest.PUT("/api/households/" + id, form)), Map.class);
        assertEquals(List.of("市町村への情報提供に同意、メールでのお知らせに同意", "市町村への情報提供の同意を撤回"), scopes(id));
        assertEquals("2026-05-10", Sql.queryForText("SELECT changed_on::text FROM household_consent_change "
                + "WHERE household_id = ? ORDER BY id DESC LIMIT 1", id));
        assertEquals(2, Sql.queryForLong("SELECT count(*) FROM household_consent_change WHERE household_id = ? "
                + "AND ordinance_note LIKE '%条例%'", id));
        // the generic correction stays in the lifecycle log as before
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM lifecycle_event WHERE household_id = ? AND action = 'correct'", id));
    }

    @Test
    void theHistoryNamesWhoAgreedAndTheMunicipalitysOrdinanceNoteStaffWrote() throws Exception {
        Map<String, Object> form = HouseholdForms.hitoyoshi();
        long id = register(form);
        form.put("version", 0);
        form.put("emailContactConsent", false);
        form.put("consentAgreedBy", "人吉 太郎（父）");
        form.put("consentOrdinanceNote", "人吉市避難行動要支援者避難支援条例により平常時の提供は同意不要");
        http.toBlocking().exchange(logins.as(Role.CENTER_STAFF, HttpRequest.PUT("/api/households/" + id, form)), Map.class);
        assertEquals(List.of("人吉 太郎（父）|人吉市避難行動要支援者避難支援条例により平常時の提供は同意不要"),
                Sql.queryForStrings("SELECT agreed_by || '|' || ordinance_note FROM household_consent_change "
                        + "WHERE household_id = ? AND scope LIKE '%メール%撤回%'", id));
    }

    @Test
    void aRefusedCorrectionWritesNoHistory() throws Exception {
        Map<String, Object> form = HouseholdForms.hitoyoshi();
        long id = register(form);
        form.put("version", 0);
        form.put("sharesWithMunicipality", false);
        form.put("guardians", List.of(Map.of("name", "球磨 美咲")));
        var refused = Problems.refused(() -> http.toBlocking().exchange(
                logins.as(Role.CENTER_STAFF, HttpRequest.PUT("/api/households/" + id, form)), Map.class));
        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        assertEquals(List.of("市町村への情報提供に同意、メールでのお知らせに同意"), scopes(id));
    }
}
