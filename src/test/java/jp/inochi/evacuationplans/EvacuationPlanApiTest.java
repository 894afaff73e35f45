package jp.inochi.evacuationplans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.hazards.HazardImports;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.layers.ImportProgress;
import jp.inochi.layers.LayerImporter;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.testsupport.GeoData;
import jp.inochi.testsupport.HouseholdForms;
import jp.inochi.testsupport.Problems;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLogins;
import jp.inochi.testsupport.Uploads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 14: a plan prefilled on the real 人吉 flood subset, saved as versions, marked for review after a move, scoped. */
@MicronautTest(transactional = false)
class EvacuationPlanApiTest {
    static double[] inFloodZone;

    @Inject
    Uploads uploads;
    @Inject
    LayerImporter importer;
    @Inject
    TestLogins logins;
    @Inject
    jp.inochi.testsupport.TestHouseholds testHouseholds;
    @Inject
    jp.inochi.testsupport.TestLoans testLoans;
    @Inject
    @Client("/")
    HttpClient http;

    @BeforeEach
    void importSheltersAndTheFloodSubsetOnce() throws Exception {
        if (inFloodZone != null) {
            return;
        }
        uploads.importAndAwait("/api/shelter-layers", Map.of("name", "計画試験 指定避難所（国土地理院）",
                "credit", "出典：国土地理院「指定緊急避難場所・指定避難所データ」"), GeoData.file(GeoData.SHELTERS_EVACUATION));
        importer.importFiles(HazardImports.request("計画試験 人吉・球磨 洪水", HazardType.FLOOD, "国土数値情報 A31b", "CC BY 4.0", null),
                List.of(new InputFile(GeoData.file(GeoData.FLOOD_SUBSET), GeoData.FLOOD_SUBSET)), ImportProgress.NONE);
        try (var connection = Sql.connect();
             ResultSet row = connection.createStatement().executeQuery("""
                     SELECT ST_X(p), ST_Y(p) FROM (
                         SELECT ST_PointOnSurface(z.geom) AS p FROM hazard_zone z
                         JOIN geo_layer l ON l.current_version_id = z.version_id AND l.hazard_type = 'FLOOD'
                         ORDER BY z.geom <-> ST_SetSRID(ST_MakePoint(130.7627, 32.2104), 6668) LIMIT 1) x""")) {
            assertTrue(row.next(), "a flood zone near 人吉市の中心");
            inFloodZone = new double[] {row.getDouble(1), row.getDouble(2)};
        }
    }

    private Map<String, Object> register() {
        Map<String, Object> form = HouseholdForms.hitoyoshi();
        form.put("longitude", inFloodZone[0]);
        form.put("latitude", inFloodZone[1]);
        Map<String, Object> created = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.POST("/api/households", form)), Map.class);
        form.put("id", created.get("id"));
        form.put("version", created.get("version"));
        return form;
    }

    private Map<String, Object> plan(long id) {
        return http.toBlocking().retrieve(logins.asOfficerOf("43203", HttpRequest.GET("/api/households/" + id + "/evacuation-plan")), Map.class);
    }

    private Map<String, Object> save(long id, Object ifMatch, Map<String, Object> plan, boolean complete) {
        var request = HttpRequest.PUT("/api/households/" + id + "/evacuation-plan",
                Map.of("plan", plan, "prefilled", List.of(), "complete", complete));
        if (ifMatch != null) {
            request.header("If-Match", "\"" + ifMatch + "\"");
        }
        return http.toBlocking().retrieve(logins.asOfficerOf("43203", request), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withSupporter(Map<String, Object> plan, String phone) {
        Map<String, Object> changed = new HashMap<>(plan);
        Map<String, Object> supporter = new HashMap<>(Map.of("name", "人吉 太郎", "relation", "NEIGHBOUR", "role", "車の運転",
                "daytime", true, "night", false, "weekends", true, "agreed", true));
        if (phone != null) {
            supporter.put("phone", phone);
        }
        changed.put("supporters", List.of(supporter));
        return changed;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPlanPrefilledOnThe人吉FloodSubsetShowsTheHomesFloodLabelAndAShelterOutsideTheZone() {
        long id = ((Number) register().get("id")).longValue();
        Map<String, Object> document = plan(id);
        assertEquals(false, document.get("saved"));
        assertEquals("UNSAVED", document.get("state"));
        Map<String, Object> home = (Map<String, Object>) document.get("home");
        Map<String, Object> flood = ((List<Map<String, Object>>) home.get("hazards")).stream()
                .filter(h -> "FLOOD".equals(h.get("hazard"))).findFirst().orElseThrow();
        assertEquals("IN_ZONE", flood.get("status"));
        assertTrue(flood.get("label").toString().contains("m"), flood::toString);
        assertTrue(flood.get("layerVersionId") != null);
        Map<String, Object> plan = (Map<String, Object>) document.get("plan");
        Map<String, Object> destination = ((List<Map<String, Object>>) plan.get("destinations")).get(0);
        assertEquals("FLOOD", destination.get("hazard"));
        long shelterId = ((Number) destination.get("shelterId")).longValue();
        assertEquals(0, Sql.queryForLongUnchecked("""
                SELECT count(*) FROM shelter s, hazard_at(s.geom) hz WHERE s.id = ? AND hz.hazard_type = 'FLOOD'""", shelterId));
        assertTrue(((List<String>) document.get("prefilled")).contains("destinations[0]"));
        assertEquals("球磨 ひなた", ((Map<String, Object>) plan.get("person")).get("name"));
        assertTrue(((List<Map<String, Object>>) home.get("shelterChoices")).stream().anyMatch(c -> "FLOOD".equals(c.get("hazard"))
                && Boolean.FALSE.equals(c.get("inHazardZone")) && ((Number) c.get("shelterId")).longValue() == shelterId));
    }

    @Test
    @SuppressWarnings("unchecked")
    void savedVersionsAreKeptAStaleIfMatchIs409AndAMoveMarksThePlanForReview() {
        Map<String, Object> form = register();
        long id = ((Number) form.get("id")).longValue();
        Map<String, Object> draft = (Map<String, Object>) plan(id).get("plan");
        Map<String, Object> first = save(id, null, withSupporter(draft, "0966-22-0000"), false);
        assertEquals(1, ((Number) first.get("version")).intValue());
        Map<String, Object> second = save(id, 1, withSupporter(draft, "0966-22-1111"), true);
        assertEquals(2, ((Number) second.get("version")).intValue());
        assertEquals("COMPLETED", second.get("state"));

        var stale = Problems.refused(() -> save(id, 1, withSupporter(draft, "0966-22-2222"), false));
        assertEquals(409, stale.getStatus().getCode());
        assertTrue(Problems.body(stale).get("detail").toString().contains("他の方が先に保存しました"));
        List<Map> versions = http.toBlocking().retrieve(logins.asOfficerOf("43203",
                HttpRequest.GET("/api/households/" + id + "/evacuation-plan/versions")), Argument.listOf(Map.class));
        assertEquals(2, versions.size());
        assertEquals(true, versions.get(0).get("current"));
        assertEquals(false, versions.get(1).get("current"));

        form.put("address", "熊本県人吉市引越先町2-2");
        http.toBlocking().exchange(logins.as(Role.CENTER_STAFF, HttpRequest.PUT("/api/households/" + id, form)), Map.class);
        Map<String, Object> after = plan(id);
        assertEquals(true, after.get("reviewNeeded"));
        assertEquals("MOVED", ((List<Map<String, Object>>) after.get("reviewReasons")).get(0).get("reason"));
        assertEquals("見直しが必要", after.get("reviewLabel"));
        assertTrue(((List<Map<String, Object>>) after.get("reviewReasons")).get(0).get("reasonLabel").toString().contains("転居"));

        save(id, 2, withSupporter(draft, "0966-22-3333"), false);
        assertEquals(false, plan(id).get("reviewNeeded"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachBadInputRuleGivesItsJapaneseMessage() {
        long id = ((Number) register().get("id")).longValue();
        Map<String, Object> draft = (Map<String, Object>) plan(id).get("plan");
        var noPhone = Problems.refused(() -> save(id, null, withSupporter(draft, null), false));
        assertEquals(400, noPhone.getStatus().getCode());
        assertTrue(Problems.fieldErrors(noPhone).get("supporters[0].phone").contains("電話番号を入力してください"));
        assertEquals(0, Sql.queryForLongUnchecked("SELECT count(*) FROM evacuation_plan_version WHERE household_id = ?", id));

        long inZoneShelter = Sql.queryForLongUnchecked("""
                SELECT s.id FROM shelter s, hazard_at(s.geom) hz WHERE hz.hazard_type = 'FLOOD' ORDER BY s.id LIMIT 1""");
        Map<String, Object> risky = withSupporter(draft, "0966-22-0000");
        risky.put("destinations", List.of(Map.of("hazard", "FLOOD", "kind", "DESIGNATED_SHELTER", "shelterId", inZoneShelter,
                "place", "川沿いの避難所")));
        Map<String, Object> power = new HashMap<>((Map<String, Object>) draft.get("power"));
        power.put("devices", List.of(Map.of("kind", "SUCTION", "name", "吸引器")));
        risky.put("power", power);
        Map<String, Object> saved = save(id, null, risky, false);
        List<Map<String, Object>> findings = (List<Map<String, Object>>) saved.get("findings");
        Map<String, Object> warning = findings.stream().filter(f -> "destinationInZoneOfSameHazard".equals(f.get("rule"))).findFirst().orElseThrow();
        assertEquals("WARNING", warning.get("level"));
        assertTrue(warning.get("message").toString().contains("洪水の区域内"));
        Map<String, Object> flag = findings.stream().filter(f -> "deviceWithoutWatts".equals(f.get("rule"))).findFirst().orElseThrow();
        assertEquals("FLAG", flag.get("level"));
        assertTrue(flag.get("message").toString().contains("消費電力（W）が未入力"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void completingThePlanCompletesTheLoansPlanStatusAndAHandoverMarksItForReview() {
        var household = testHouseholds.living("43203", true, 130.7627, 32.2104);
        long id = household.id();
        var loan = testLoans.loanStartedOn(household, java.time.LocalDate.now(jp.inochi.platform.time.JapanTime.ZONE).minusMonths(1));
        Map<String, Object> draft = (Map<String, Object>) plan(id).get("plan");
        Map<String, Object> saved = save(id, null, withSupporter(draft, "0966-22-0000"), true);
        Map<String, Object> status = (Map<String, Object>) saved.get("planStatus");
        assertEquals("COMPLETED", status.get("planStatus"));
        assertEquals(1, Sql.queryForLongUnchecked("SELECT count(*) FROM loan WHERE id = ? AND plan_completed_on IS NOT NULL", loan.id()));

        // a family whose plan was made before the generator came: the handover marks the plan for review
        var later = testHouseholds.living("43203", true, 130.7627, 32.2104);
        save(later.id(), null, withSupporter((Map<String, Object>) plan(later.id()).get("plan"), "0966-22-0000"), false);
        testLoans.loanStartedOn(later, java.time.LocalDate.now(jp.inochi.platform.time.JapanTime.ZONE).minusDays(3));
        assertEquals(false, plan(id).get("reviewNeeded"), "another family's handover changes nothing here");
        assertEquals("DEVICE_CHANGED", ((List<Map<String, Object>>) plan(later.id()).get("reviewReasons")).get(0).get("reason"));
    }

    @Test
    void anOfficerOfAnotherMunicipalityGets404OnEveryRoute() {
        long id = ((Number) register().get("id")).longValue();
        for (var request : List.of(HttpRequest.GET("/api/households/" + id + "/evacuation-plan"),
                HttpRequest.GET("/api/households/" + id + "/evacuation-plan/versions"),
                HttpRequest.PUT("/api/households/" + id + "/evacuation-plan", Map.of("plan", Map.of())))) {
            var refused = Problems.refused(() -> http.toBlocking().exchange(logins.asOfficerOf("43202", request), Map.class));
            assertEquals(404, refused.getStatus().getCode(), request.getPath());
        }
        assertFalse(Sql.queryForLongUnchecked("SELECT count(*) FROM evacuation_plan_version WHERE household_id = ?", id) > 0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOverLongStringOrListIsRefusedWithItsFieldAndNothingIsWritten() {
        long id = ((Number) register().get("id")).longValue();
        Map<String, Object> hostile = withSupporter((Map<String, Object>) plan(id).get("plan"), "0966-22-0000");
        Map<String, Object> supporter = new HashMap<>(((List<Map<String, Object>>) hostile.get("supporters")).get(0));
        supporter.put("name", "あ".repeat(201));
        hostile.put("supporters", List.of(supporter));
        Map<String, Object> transport = new HashMap<>(Map.of("equipment", java.util.Collections.nCopies(51, "吸引器")));
        hostile.put("transport", transport);
        var refused = Problems.refused(() -> save(id, null, hostile, false));
        assertEquals(400, refused.getStatus().getCode());
        Map<String, String> errors = Problems.fieldErrors(refused);
        assertTrue(errors.get("supporters[0].name").contains("200文字以内で入力してください"), errors.toString());
        assertTrue(errors.get("transport.equipment").contains("50件までにしてください"), errors.toString());
        assertEquals(0, Sql.queryForLongUnchecked("SELECT count(*) FROM evacuation_plan_version WHERE household_id = ?", id));
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneGetOfThePlanWritesOneAuditEntryForTheHousehold() {
        long id = ((Number) register().get("id")).longValue();
        long before = auditEntries(id);
        Map<String, Object> draft = (Map<String, Object>) plan(id).get("plan");
        assertEquals(before + 1, auditEntries(id), "the prefilled draft: one entry");
        assertEquals("GET /api/households/{id}/evacuation-plan", lastAuditedResource(id));
        save(id, null, withSupporter(draft, "0966-22-0000"), false);
        assertEquals(before + 2, auditEntries(id), "one save: one entry");
        plan(id);
        assertEquals(before + 3, auditEntries(id), "a saved version: one entry");
        assertEquals("GET /api/households/{id}/evacuation-plan", lastAuditedResource(id));
        http.toBlocking().retrieve(logins.asOfficerOf("43203", HttpRequest.GET("/api/households/" + id + "/evacuation-plan/versions")), Argument.listOf(Map.class));
        assertEquals(before + 4, auditEntries(id), "the versions: one entry");
        http.toBlocking().retrieve(logins.asOfficerOf("43203", HttpRequest.GET("/api/households/" + id + "/power-autonomy")), Map.class);
        assertEquals(before + 5, auditEntries(id), "the power route still audits its own read");
    }

    private static long auditEntries(long householdId) {
        return Sql.queryForLongUnchecked("SELECT count(*) FROM audit_log WHERE household_id = ?", householdId);
    }

    private static String lastAuditedResource(long householdId) {
        return Sql.queryForStrings("SELECT resource FROM audit_log WHERE household_id = ? ORDER BY id DESC LIMIT 1", householdId).get(0);
    }
}
