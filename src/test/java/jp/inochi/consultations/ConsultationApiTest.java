package jp.inochi.consultations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
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
class ConsultationApiTest {
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

    private static Map<String, Object> consultation(String consultedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("consultedOn", consultedOn);
        body.put("channel", "PHONE");
        body.put("consulterName", "球磨 美咲");
        body.put("consulterRelation", "母");
        body.put("consulterContact", "090-1111-2222");
        body.put("childName", "球磨 ひなた");
        body.put("childNameKana", "くま ひなた");
        body.put("topic", "退院前に申請できるか");
        return body;
    }

    private long record(Map<String, Object> body) {
        Map<?, ?> created = http.toBlocking().retrieve(
                logins.as(Role.CENTER_STAFF, HttpRequest.POST("/api/consultations", body)), Map.class);
        return ((Number) created.get("id")).longValue();
    }

    @Test
    void staffRecordAConsultationBeforeAnyHouseholdAndLinkItOnceTheHouseholdExists() throws Exception {
        long id = record(consultation("2026-05-01"));
        Map<?, ?> household = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.POST("/api/households", HouseholdForms.hitoyoshi())), Map.class);
        long householdId = ((Number) household.get("id")).longValue();
        Map<?, ?> linked = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.POST("/api/consultations/" + id + "/link", Map.of("householdId", householdId))), Map.class);
        assertEquals(householdId, ((Number) linked.get("householdId")).longValue());
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE subject_type = 'consultation' "
                + "AND subject_id = ? AND action = 'UPDATE' AND household_id = ?", String.valueOf(id), householdId));
    }

    @Test
    void aConsultationDatedBeforeTheCenterOpenedIsRefusedAndNothingIsWritten() throws Exception {
        long before = Sql.queryForLong("SELECT count(*) FROM consultation WHERE consulter_name = '古い日付 太郎'");
        Map<String, Object> body = consultation("2025-10-30");
        body.put("consulterName", "古い日付 太郎");
        var refused = Problems.refused(() -> record(body));
        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        assertTrue(Problems.fieldErrors(refused).get("consultedOn").contains("令和7年10月31日"));
        assertEquals(before, Sql.queryForLong("SELECT count(*) FROM consultation WHERE consulter_name = '古い日付 太郎'"));
    }

    @Test
    void eachReadIsAuditedAndTheListFindsTheChildByKana() throws Exception {
        long id = record(consultation("2026-05-02"));
        http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.GET("/api/consultations/" + id)), Map.class);
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE subject_type = 'consultation' "
                + "AND subject_id = ? AND action = 'READ' AND resource = '/api/consultations/{id}'", String.valueOf(id)));
        Map<?, ?> found = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.GET("/api/consultations?q=%E3%82%AF%E3%83%9E%E3%83%92%E3%83%8A%E3%82%BF")), Map.class);
        assertTrue(((List<?>) found.get("consultations")).stream()
                .anyMatch(c -> ((Number) ((Map<?, ?>) c).get("id")).longValue() == id), "katakana クマヒナタ finds くま ひなた");
    }

    @Test
    void aMunicipalOfficerIsRefusedConsultationsAndTheRefusalIsAudited() throws Exception {
        long id = record(consultation("2026-05-03"));
        var refused = Problems.refused(() -> http.toBlocking().retrieve(
                logins.asOfficerOf("43203", HttpRequest.GET("/api/consultations/" + id)), Map.class));
        assertEquals(HttpStatus.FORBIDDEN, refused.getStatus());
        var list = Problems.refused(() -> http.toBlocking().retrieve(
                logins.asOfficerOf("43203", HttpRequest.GET("/api/consultations")), Map.class));
        assertEquals(HttpStatus.FORBIDDEN, list.getStatus());
        assertTrue(Sql.queryForLong("SELECT count(*) FROM audit_log WHERE action = 'REFUSED' "
                + "AND resource LIKE '%/api/consultations%'") >= 1);
        assertEquals(0, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE subject_type = 'consultation' "
                + "AND subject_id = ? AND actor_role = 'MUNICIPAL_OFFICER' AND action = 'READ'", String.valueOf(id)));
    }
}
