package jp.inochi.households;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
class HouseholdApiTest {
    private static final String HITOYOSHI = "43203";

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

    private Map<?, ?> register(Map<String, Object> form) {
        return http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.POST("/api/households", form)), Map.class);
    }

    private Map<String, String> refusedFields(Map<String, Object> form) {
        var refused = Problems.refused(() -> register(form));
        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        assertEquals("urn:inochi:problem:validation-failed", Problems.body(refused).get("type"));
        return Problems.fieldErrors(refused);
    }

    @Test
    void centerStaffRegisterAHouseholdAndSeeEverythingIncludingTheClinicalPart() {
        Map<?, ?> created = register(HouseholdForms.hitoyoshi());
        Map<?, ?> read = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.GET("/api/households/" + created.get("id"))), Map.class);
        assertEquals("FULL", read.get("disclosure"));
        assertEquals("熊本大学病院", ((Map<?, ?>) read.get("clinical")).get("nicuInstitution"));
        assertEquals("2025-06-01", ((Map<?, ?>) read.get("clinical")).get("nicuDischargeDate"));
        assertEquals("球磨 美咲", ((Map<?, ?>) ((List<?>) read.get("guardians")).get(0)).get("name"));
    }

    @Test
    void aDischargeInTheFutureIsRefusedWithAJapaneseMessageOnTheField() {
        Map<String, Object> form = HouseholdForms.hitoyoshi();
        form.put("nicuDischargeDate", "2026-05-11");
        assertEquals("未来の日付（令和8年5月11日（2026年5月11日））は入力できません", refusedFields(form).get("nicuDischargeDate"));
    }

    @Test
    void anUnknownMunicipalityCodeIsRefused() {
        Map<String, Object> form = HouseholdForms.hitoyoshi();
        form.put("municipalityCode", "43999");
        assertTrue(refusedFields(form).get("municipalityCode").contains("45市町村"));
    }

    @Test
    void aWardIsRequiredForKumamotoCityAndRefusedElsewhere() {
        Map<String, Object> kumamotoCity = HouseholdForms.hitoyoshi();
        kumamotoCity.put("municipalityCode", "43100");
        kumamotoCity.put("longitude", 130.7417);
        kumamotoCity.put("latitude", 32.8031);
        assertTrue(refusedFields(kumamotoCity).containsKey("wardCode"));
        Map<String, Object> hitoyoshiWithWard = HouseholdForms.hitoyoshi();
        hitoyoshiWithWard.put("wardCode", "43101");
        assertEquals("区を入力できるのは熊本市だけです", refusedFields(hitoyoshiWithWard).get("wardCode"));
    }

    @Test
    void aKumamotoHomeMustLieInsideThePrefectureAndAnOutOfPrefectureHomeNamesNoMunicipality() {
        Map<String, Object> inTokyo = HouseholdForms.hitoyoshi();
        inTokyo.put("longitude", 139.7);
        inTokyo.put("latitude", 35.7);
        Map<String, String> errors = refusedFields(inTokyo);
        assertTrue(errors.get("longitude").startsWith("熊本県内の経度"), errors.toString());
        assertTrue(errors.containsKey("latitude"));

        Map<String, Object> fukuokaWithCode = HouseholdForms.hitoyoshi();
        fukuokaWithCode.put("prefectureCode", "40");
        fukuokaWithCode.put("longitude", 130.4);
        fukuokaWithCode.put("latitude", 33.59);
        assertTrue(refusedFields(fukuokaWithCode).containsKey("municipalityCode"));

        Map<String, Object> noPrefecture = HouseholdForms.hitoyoshi();
        noPrefecture.put("prefectureCode", "48");
        assertTrue(refusedFields(noPrefecture).containsKey("prefectureCode"));
    }

    @Test
    void missingFieldsAndHiraganaKanaAreNamedFieldByField() {
        Map<String, Object> form = HouseholdForms.hitoyoshi();
        form.remove("childFamilyName");
        form.put("childGivenNameKana", "ひなた");
        form.put("guardians", List.of());
        Map<String, String> errors = refusedFields(form);
        assertEquals("入力してください", errors.get("childFamilyName"));
        assertEquals("カタカナで入力してください", errors.get("childGivenNameKana"));
        assertEquals("保護者を1人以上入力してください", errors.get("guardians"));
    }

    @Test
    void consentingToShareNeedsTheDateOfConsent() {
        Map<String, Object> form = HouseholdForms.hitoyoshi();
        form.remove("sharingConsentDate");
        assertTrue(refusedFields(form).containsKey("sharingConsentDate"));
    }

    @Test
    void anOfficerSeesTheirConsentingHouseholdInTheMinimumViewWithoutClinicalDetailAndTheReadIsAudited() throws Exception {
        Map<?, ?> created = register(HouseholdForms.hitoyoshi());
        long id = ((Number) created.get("id")).longValue();
        String body = http.toBlocking().retrieve(logins.asOfficerOf(HITOYOSHI, HttpRequest.GET("/api/households/" + id)));
        Map<?, ?> read = http.toBlocking().retrieve(logins.asOfficerOf(HITOYOSHI, HttpRequest.GET("/api/households/" + id)), Map.class);
        assertEquals("MINIMUM", read.get("disclosure"));
        assertEquals("CONSENT", read.get("basis"));
        assertNull(read.get("clinical"));
        assertNull(read.get("consents"));
        assertEquals("人工呼吸器（常時装着）", read.get("careType"));
        assertEquals("090-1234-5678", ((Map<?, ?>) ((List<?>) read.get("guardians")).get(0)).get("phone"));
        for (String clinical : List.of("熊本大学病院", "nicu", "discharge", "2025-06-01", "ventilatorHours", "気管切開", "2025-02-01")) {
            assertFalse(body.contains(clinical), clinical + " leaked into the officer's view: " + body);
        }
        assertEquals(2, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE household_id = ? AND action = 'READ' "
                + "AND basis = 'CONSENT' AND actor_role = 'MUNICIPAL_OFFICER' AND resource = '/api/households/{id}'", id));
    }

    @Test
    void anOfficerOfAnotherMunicipalityGetsNotFoundAndCannotChangeAnything() {
        Map<?, ?> created = register(HouseholdForms.hitoyoshi());
        var other = Problems.refused(() -> http.toBlocking().retrieve(
                logins.asOfficerOf("43202", HttpRequest.GET("/api/households/" + created.get("id")))));
        assertEquals(HttpStatus.NOT_FOUND, other.getStatus());
        var write = Problems.refused(() -> http.toBlocking().retrieve(
                logins.asOfficerOf(HITOYOSHI, HttpRequest.POST("/api/households", HouseholdForms.hitoyoshi()))));
        assertEquals(HttpStatus.FORBIDDEN, write.getStatus());
    }

    @Test
    void theOfficersListHoldsOnlyTheirConsentingHouseholdsEachAuditedWithItsBasis() throws Exception {
        Map<String, Object> notSharing = HouseholdForms.hitoyoshi();
        notSharing.put("sharesWithMunicipality", false);
        notSharing.remove("sharingConsentDate");
        long sharingId = ((Number) register(HouseholdForms.hitoyoshi()).get("id")).longValue();
        long notSharingId = ((Number) register(notSharing).get("id")).longValue();
        // The test database is shared, so 人吉市 may hold more households than one page: read every page.
        List<Map> list = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            List<Map> onePage = http.toBlocking().retrieve(logins.asOfficerOf(HITOYOSHI,
                    HttpRequest.GET("/api/households?municipalityCode=43203&size=500&page=" + page)), Argument.listOf(Map.class));
            list.addAll(onePage);
            if (onePage.size() < 500) {
                break;
            }
        }
        List<Long> ids = list.stream().map(h -> ((Number) ((Map<?, ?>) h).get("id")).longValue()).toList();
        assertTrue(ids.contains(sharingId));
        assertFalse(ids.contains(notSharingId));
        assertTrue(list.stream().allMatch(h -> "MINIMUM".equals(((Map<?, ?>) h).get("disclosure"))
                && ((Map<?, ?>) h).get("clinical") == null));
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE household_id = ? AND resource = '/api/households' "
                + "AND basis = 'CONSENT'", sharingId));
        assertEquals(0, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE household_id = ? AND resource = '/api/households' "
                + "AND actor_role = 'MUNICIPAL_OFFICER'", notSharingId));
    }

    @Test
    void aCorrectionOnAStaleVersionIsRefusedAndNothingIsWritten() throws Exception {
        Map<String, Object> form = HouseholdForms.hitoyoshi();
        Map<?, ?> created = register(form);
        long id = ((Number) created.get("id")).longValue();
        form.put("version", 0);
        form.put("address", "熊本県人吉市テスト町2-2");
        http.toBlocking().exchange(logins.as(Role.CENTER_STAFF, HttpRequest.PUT("/api/households/" + id, form)), Map.class);
        form.put("address", "熊本県人吉市テスト町3-3");
        var stale = Problems.refused(() -> http.toBlocking().exchange(
                logins.as(Role.CENTER_STAFF, HttpRequest.PUT("/api/households/" + id, form)), Map.class));
        assertEquals(HttpStatus.CONFLICT, stale.getStatus());
        assertEquals("urn:inochi:problem:concurrent-modification", Problems.body(stale).get("type"));
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM household WHERE id = ? AND address = '熊本県人吉市テスト町2-2'", id));
    }

    @Test
    void registeringAndCorrectingAreRecordedInTheHouseholdsHistory() {
        Map<String, Object> form = HouseholdForms.hitoyoshi();
        long id = ((Number) register(form).get("id")).longValue();
        form.put("postalCode", "868-0001");
        HttpResponse<Map> updated = http.toBlocking().exchange(
                logins.as(Role.CENTER_STAFF, HttpRequest.PUT("/api/households/" + id, form)), Map.class);
        assertNotNull(updated.body());
        List<?> history = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.GET("/api/households/" + id + "/history")), Argument.listOf(Map.class));
        assertEquals(List.of("register", "correct"), history.stream().map(e -> ((Map<?, ?>) e).get("action")).toList());
    }
}
