package jp.inochi.disasters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.inochi.access.Role;
import jp.inochi.devices.DeviceCondition;
import jp.inochi.hazards.HazardImports;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.layers.ImportProgress;
import jp.inochi.layers.ImportReport;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.layers.LayerImporter;
import jp.inochi.households.GuardianRepository;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdRepository;
import jp.inochi.inspections.Inspections;
import jp.inochi.lifecycle.Actor;
import jp.inochi.loans.Loan;
import jp.inochi.reminders.outbox.OutboxDelivery;
import jp.inochi.testsupport.FamilyBrowser;
import jp.inochi.testsupport.MailText;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Problems;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLoans;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Acceptance (issue 8), a scripted drill on real data: the 人吉/球磨 flood subset imported through the real importer,
 * the GSI shelters, 200 synthetic households at jittered 町字 points of 人吉市 and 球磨村 (a third on ventilators, some
 * with a loaned generator and the fuel of their yearly check), and a typhoon whose area is every flood zone of rank 2
 * or more. The call list must equal an independent SQL computation, in the specified order; every affected family gets
 * exactly one safety-check email (GreenMail); replies through the real signed links move families between statuses;
 * the unreached list is the affected minus the replied; phone outcomes take families off it; the record says who was
 * reached, when and how.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisasterDrillTest implements TestPropertyProvider {
    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/family/links/[A-Za-z0-9_.-]+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HOUSEHOLDS = 200;
    private static final Instant OUTAGE = OffsetDateTime.parse("2026-09-01T06:00:00+09:00").toInstant();
    private static final Instant DECLARED = OffsetDateTime.parse("2026-09-01T09:00:00+09:00").toInstant();

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final String run = Long.toString(System.nanoTime(), 36);

    @Inject
    LayerImporter importer;
    @Inject
    HouseholdRepository householdRepository;
    @Inject
    GuardianRepository guardianRepository;
    @Inject
    TestLoans loans;
    @Inject
    Inspections inspections;
    @Inject
    TestLogins logins;
    @Inject
    OutboxDelivery delivery;
    @Inject
    MovableClock clock;
    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        smtp.start();
        return Map.of("javamail.properties.mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aTyphoonOverTheFloodZonesOfRank2GivesTheRightCallListOneEmailPerFamilyAndAnUnreachedListOfThoseWhoDidNotReply()
            throws Exception {
        // --- the drill households, then the real flood data and the GSI shelters through the real importer
        clock.setDate(LocalDate.of(2026, 1, 5));
        Map<Long, DrillFamilies.Family> families = DrillFamilies.place(householdRepository, guardianRepository, run, HOUSEHOLDS);
        ImportReport flood = DrillLayers.importFloodAndShelters(importer, run);
        List<Long> overTyphoonZones = typhoonZonesOverNearestShelters(flood.layerId(), families.keySet());

        // --- some affected ventilator families have a loaned generator; most recorded their fuel at the yearly check
        List<Long> affectedVentilator = longs("""
                SELECT x.household_id FROM hazard_layer_households(?, 2) x JOIN household h ON h.id = x.household_id
                WHERE h.id = ANY (?) AND h.ventilator_dependent AND h.ventilator_hours_per_day >= 23.5
                ORDER BY x.household_id LIMIT 8""",
                flood.layerId(), families.keySet().toArray(Long[]::new));
        assertTrue(affectedVentilator.size() >= 6, "enough affected ventilator households for the drill: " + affectedVentilator);
        for (int i = 0; i < affectedVentilator.size(); i++) {
            Household household = householdRepository.findById(affectedVentilator.get(i)).orElseThrow();
            Loan loan = loans.loanStartedOn(household, LocalDate.of(2026, 1, 10));
            if (i < 6) {
                clock.setDate(LocalDate.of(2026, 6, 1));
                inspections.record(Actor.of(logins.viewer(Role.CENTER_STAFF)), new Inspections.NewInspection(loan.id(),
                        LocalDate.of(2026, 6, 1), DeviceCondition.GOOD, true, true, new BigDecimal(i * 3 + "." + (i % 2 == 0 ? "6" : "0")),
                        true, true, null, null));
            }
        }
        for (int i = 0; i < 3; i++) {
            http.toBlocking().exchange(logins.as(Role.CENTER_STAFF, HttpRequest.PUT("/api/households/"
                    + affectedVentilator.get(i) + "/power-sources", Map.of("sources", List.of(Map.of("kind", "VEHICLE",
                    "description", "給電できるハイブリッド車", "hours", 10 + i))))));
        }
        http.toBlocking().exchange(logins.as(Role.CENTER_STAFF, HttpRequest.POST("/api/care-coordinators", Map.of(
                "municipalityCode", "43203", "name", "球磨 花子", "organisation", "人吉市 保健センター",
                "phone", "0966-00-0000", "primaryContact", true))));

        // --- the typhoon: three hours after the power went out, the center declares it over the flood zones of rank ≥ 2
        clock.set(DECLARED);
        String eventName = "令和8年台風第10号 訓練 " + run;
        Map<String, Object> event = post(Role.CENTER_STAFF, "/api/disaster-events", Map.of("name", eventName,
                "eventType", "TYPHOON", "startsAt", DECLARED.toString(), "outageStartedAt", OUTAGE.toString(),
                "expectedRestorationAt", OUTAGE.plus(Duration.ofHours(60)).toString(),
                "area", Map.of("kind", "HAZARD_ZONES", "layerId", flood.layerId(), "minSeverity", 2)));
        long eventId = ((Number) event.get("id")).longValue();
        assertEquals("ACTIVE", event.get("state"));
        assertTrue(event.get("areaDescription").toString().contains("ランク2以上"), event.toString());

        // --- the call list against an independent computation in SQL, in the specified order
        JsonNode callList = getJson(Role.CENTER_STAFF, "/api/disaster-events/" + eventId + "/call-list");
        List<IndependentCallList.Expected> expected = IndependentCallList.of(flood.versionId(), 2, 3.0);
        List<Long> listed = ids(callList.get("households"));
        assertEquals(expected.stream().map(IndependentCallList.Expected::id).toList(), listed,
                "the call list is every household in a zone of rank ≥ 2, in the specified order");
        Set<Long> ours = new HashSet<>(listed);
        ours.retainAll(families.keySet());
        assertTrue(ours.size() >= 30, "many drill households are affected: " + ours.size());
        assertEquals(eventMunicipalities(listed), new TreeSet<>(names(event.get("municipalities"))));
        boolean sawGenerator = false;
        boolean sawFlag = false;
        boolean sawAvoided = false;
        for (int i = 0; i < expected.size(); i++) {
            IndependentCallList.Expected want = expected.get(i);
            JsonNode row = callList.get("households").get(i);
            assertEquals(i + 1, row.get("rank").asInt());
            assertEquals(want.total(), row.at("/power/totalHours").decimalValue(), "autonomy of " + want.id());
            assertEquals(want.remaining(), row.at("/power/remainingHours").decimalValue(), "remaining of " + want.id());
            assertEquals(want.ventilator(), row.get("ventilatorDependent").asBoolean());
            assertEquals(want.total().compareTo(new BigDecimal("72")) < 0,
                    row.at("/power/flags").toString().contains("UNDER_72_HOURS"), "72 h flag of " + want.id());
            assertEquals(want.total().compareTo(new BigDecimal("60")) < 0,
                    row.at("/power/flags").toString().contains("UNDER_EXPECTED_OUTAGE"), "outage flag of " + want.id());
            assertEquals(want.powerUnknown(), row.at("/power/flags").toString().contains("NO_POWER_INFORMATION"),
                    "電源情報なし of " + want.id());
            assertEquals(want.relative(), row.at("/hazard/relativeSeverity").asDouble(), 0.001, "hazard of " + want.id());
            sawGenerator |= row.at("/power/generatorHours").decimalValue().signum() > 0;
            sawFlag |= row.at("/power/flags").size() > 0;
            assertEquals("CENTER", row.get("basis").asText());
            assertEquals("NOT_CONTACTED", row.at("/safety/status").asText());
            if (families.containsKey(want.id())) {
                assertEquals(families.get(want.id()).email(), text(row.at("/guardians/0/email")));
                assertEquals("球磨 花子", row.at("/coordinator/name").asText(), "the municipality's coordinator");
                assertEquals(sheltersWithinReach(want.id()), shelterIds(row.get("shelters")),
                        "the nearest welfare and designated shelters outside flood zones of rank ≥ 2 and every landslide "
                                + "and storm-surge zone, within 10 km");
                sawAvoided |= floodOnlyShelters(want.id()).stream().anyMatch(overTyphoonZones::contains);
                if (row.get("shelters").isEmpty()) {
                    assertEquals("10km以内に候補なし", row.get("shelterNote").asText());
                }
                for (JsonNode shelter : row.get("shelters")) {
                    assertTrue(shelter.get("distanceM").asLong() <= 10_000, "within the radius: " + shelter);
                    assertEquals(String.format("%.1fkm", new BigDecimal(shelter.get("distanceM").asLong())
                            .movePointLeft(3).setScale(1, java.math.RoundingMode.HALF_UP)), shelter.get("distanceLabel").asText());
                    assertEquals(longs("SELECT round(ST_Distance(s.geom::geography, h.location::geography))::bigint "
                            + "FROM shelter s, household h WHERE s.id = ? AND h.id = ?", shelter.get("id").asLong(), want.id())
                            .get(0), shelter.get("distanceM").asLong(), "the geodesic distance, as PostGIS measures it");
                    assertEquals(List.of(0L), longs("SELECT count(*) FROM hazard_zone z, shelter s WHERE s.id = ? "
                            + "AND z.version_id = ? AND z.severity >= 2 AND ST_Intersects(z.geom, s.geom)",
                            shelter.get("id").asLong(), flood.versionId()), "outside the event's flood zones: " + shelter);
                    assertEquals(List.of(0L), longs("SELECT count(*) FROM hazard_zone z JOIN geo_layer l "
                            + "ON l.current_version_id = z.version_id, shelter s WHERE s.id = ? "
                            + "AND l.hazard_type IN ('LANDSLIDE', 'STORM_SURGE') AND ST_Intersects(z.geom, s.geom)",
                            shelter.get("id").asLong()), "outside the typhoon's landslide and storm-surge zones: " + shelter);
                    assertFalse(overTyphoonZones.contains(shelter.get("id").asLong()), "not a shelter under a zone: " + shelter);
                }
            }
        }
        assertTrue(sawGenerator, "the generator's fuel counts in the autonomy");
        assertTrue(sawFlag, "households short of power are flagged");
        assertTrue(sawAvoided, "a shelter that is the nearest outside the flood zones was left out for its landslide "
                + "or storm-surge zone");
        assertTrue(callList.get("notice").asText().contains("指定なし"));

        // the same list as CSV for Excel: BOM, CRLF, one line per household, audited as an export (counted from
        // before this export: other tests export call lists of events over the same households)
        String exports = "SELECT count(*) FROM audit_log WHERE action = 'EXPORT' "
                + "AND resource = 'GET /api/disaster-events/{id}/call-list?format=csv' AND household_id = ANY (?)";
        long exportedBefore = longs(exports, (Object) listed.toArray(Long[]::new)).get(0);
        HttpResponse<byte[]> csv = http.toBlocking().exchange(logins.as(Role.CENTER_STAFF,
                HttpRequest.GET("/api/disaster-events/" + eventId + "/call-list?format=csv")), byte[].class);
        byte[] bytes = csv.body();
        assertEquals((byte) 0xEF, bytes[0]);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("順位,世帯ID,閲覧の根拠,区分,児童氏名"), text.substring(0, 80));
        assertTrue(text.endsWith("\r\n") && !text.replace("\r\n", "").contains("\n"), "CRLF line ends");
        assertEquals(listed.size() + 1L, text.lines().count(), "a header and a line per household, no notes under the data");
        assertTrue(text.lines().skip(1).allMatch(line -> line.matches("\\d+,.*")), "every line after the header is a ranked household");
        assertEquals(listed.size(), longs(exports, (Object) listed.toArray(Long[]::new)).get(0) - exportedBefore);

        // --- the safety check: one email per affected family that can be emailed, exactly once
        Map<String, Object> start = Map.of("replyWithinMinutes", 180, "message", "停電が続いています。電源の状況をお知らせください。");
        Map<String, Object> preview = post(Role.CENTER_STAFF, "/api/disaster-events/" + eventId + "/safety-check/preview", start);
        Map<String, Object> campaign = post(Role.CENTER_STAFF, "/api/disaster-events/" + eventId + "/safety-check",
                SafetyCheckRequests.confirmed(start, preview));
        assertEquals(listed.size(), ((Number) campaign.get("households")).intValue());
        HttpClientResponseException twice = Problems.refused(() -> http.toBlocking().exchange(logins.as(Role.CENTER_STAFF,
                HttpRequest.POST("/api/disaster-events/" + eventId + "/safety-check", Map.of()))));
        assertEquals(HttpStatus.CONFLICT, twice.getStatus());
        delivery.deliverReady();
        delivery.deliverReady();
        Map<String, List<MimeMessage>> received = safetyEmails(eventName);
        Set<Long> emailable = new HashSet<>(longs("""
                SELECT h.id FROM household h WHERE h.id = ANY (?) AND h.email_contact_consent
                  AND EXISTS (SELECT 1 FROM guardian g WHERE g.household_id = h.id AND btrim(g.email) <> '')""",
                (Object) listed.toArray(Long[]::new)));
        assertEquals(emailable.size(), received.values().stream().mapToInt(List::size).sum(), "one email per emailable family");
        int drillEmailed = 0;
        for (Long id : listed) {
            DrillFamilies.Family family = families.get(id);
            if (family == null) {
                continue;
            }
            List<MimeMessage> theirs = received.getOrDefault(family.email(), List.of());
            if (family.emailConsent() && family.email() != null) {
                assertEquals(1, theirs.size(), "exactly one safety-check email to household " + id);
                drillEmailed++;
            } else {
                assertEquals(0, theirs.size(), "no email without consent or address: household " + id);
            }
        }
        assertTrue(drillEmailed >= 25, "drill families emailed: " + drillEmailed);
        assertEquals(0, Sql.queryForLong("SELECT count(*) FROM (SELECT household_id FROM outbox_message "
                + "WHERE kind = 'safety-check' AND dedupe_key LIKE ? GROUP BY household_id HAVING count(*) > 1) d",
                "safety-check:" + campaign.get("id") + ":%"));
        Set<Long> notEmailable = new HashSet<>(listed);
        notEmailable.removeAll(emailable);
        JsonNode waiting = getJson(Role.CENTER_STAFF, "/api/disaster-events/" + eventId + "/call-list");
        for (JsonNode row : waiting.get("households")) {
            long id = row.get("householdId").asLong();
            assertEquals(notEmailable.contains(id) ? "UNREACHED" : "AWAITING_REPLY", row.at("/safety/status").asText(),
                    "before the reply time, only families the email can't reach are unreached: " + id);
        }

        // --- families reply through the real signed links in their email
        List<Long> emailedDrill = listed.stream().filter(id -> families.containsKey(id) && emailable.contains(id)).toList();
        FamilyBrowser browser = new FamilyBrowser(http);
        Map<Long, String> replied = new LinkedHashMap<>();
        String[] answers = {"SAFE_AT_HOME", "EVACUATED", "NEEDS_POWER", "NEEDS_HELP"};
        for (int i = 0; i < 20; i++) {
            long id = emailedDrill.get(i);
            List<String> links = links(received.get(families.get(id).email()).get(0));
            assertEquals(4, links.size(), "four one-click replies");
            int answer = i % 4;
            FamilyBrowser.Page page = browser.open(links.get(answer));
            assertEquals(200, page.status());
            assertTrue(page.html().contains(eventName), "the page names the event");
            assertNull(statusInDatabase(eventId, id), "opening a link records nothing");
            String comment = answer == 1 ? "人吉市立第一小学校の体育館" : answer == 3 ? "吸引器の電池が切れそうです" : "";
            FamilyBrowser.Page done = browser.submit(links.get(answer), Map.of("comment", comment));
            assertEquals(200, done.status(), done.html());
            assertTrue(done.html().contains("ご回答を受け付けました"), done.html());
            replied.put(id, answers[answer]);
            if (i == 0) {
                FamilyBrowser.Page replay = browser.submit(links.get(answer), Map.of());
                assertEquals(409, replay.status(), "a used link is refused");
                // things change: the same family later needs power, through another link of the same email
                assertEquals(200, browser.submit(links.get(2), Map.of("comment", "バッテリー残り2時間")).status());
                replied.put(id, "NEEDS_POWER");
            }
        }
        JsonNode live = getJson(Role.CENTER_STAFF, "/api/disaster-events/" + eventId + "/call-list");
        assertEquals(listed, ids(live.get("households")), "replies don't reorder the list");
        for (JsonNode row : live.get("households")) {
            long id = row.get("householdId").asLong();
            if (replied.containsKey(id)) {
                assertEquals(replied.get(id), row.at("/safety/status").asText(), "the reply shows at once: " + id);
                assertEquals("メールのリンク", row.at("/safety/replyMethod").asText());
            }
        }
        JsonNode evacuated = rowOf(live, emailedDrill.get(1));
        assertEquals("人吉市立第一小学校の体育館", evacuated.at("/safety/replyDetail").asText(), "where they went");
        assertEquals("バッテリー残り2時間", rowOf(live, emailedDrill.get(0)).at("/safety/replyDetail").asText());

        // --- the reply time passes: the unreached list is exactly the affected minus the replied
        clock.set(DECLARED.plus(Duration.ofMinutes(181)));
        JsonNode unreached = getJson(Role.CENTER_STAFF, "/api/disaster-events/" + eventId + "/unreached");
        Set<Long> repliedInDatabase = new HashSet<>(longs("SELECT DISTINCT household_id FROM safety_contact WHERE event_id = ? "
                + "AND reply IS NOT NULL", eventId));
        assertEquals(replied.keySet(), repliedInDatabase);
        // power has been out three more hours: the remaining autonomy, and with it the order, moved on
        List<Long> expectedUnreached = IndependentCallList.of(flood.versionId(), 2, 3 + 181 / 60.0).stream().map(IndependentCallList.Expected::id)
                .filter(id -> !repliedInDatabase.contains(id)).toList();
        assertEquals(new HashSet<>(listed), new HashSet<>(IndependentCallList.of(flood.versionId(), 2, 0).stream()
                .map(IndependentCallList.Expected::id).toList()), "the same households");
        assertEquals(expectedUnreached, ids(unreached.get("households")), "unreached = affected − replied, in call order");

        // --- phone follow-up: no answer keeps a family on the list; reached takes it off with what they said
        long first = expectedUnreached.get(0);
        long second = expectedUnreached.get(1);
        post(Role.CENTER_STAFF, "/api/disaster-events/" + eventId + "/households/" + first + "/contacts",
                Map.of("method", "PHONE", "outcome", "NO_ANSWER"));
        post(Role.CENTER_STAFF, "/api/disaster-events/" + eventId + "/households/" + second + "/contacts",
                Map.of("method", "PHONE", "outcome", "REACHED", "reply", "EVACUATED", "detail", "親戚宅（錦町）"));
        JsonNode afterCalls = getJson(Role.CENTER_STAFF, "/api/disaster-events/" + eventId + "/unreached");
        List<Long> stillUnreached = ids(afterCalls.get("households"));
        assertTrue(stillUnreached.contains(first));
        assertFalse(stillUnreached.contains(second));
        assertEquals(expectedUnreached.size() - 1, stillUnreached.size());
        JsonNode firstRow = rowOf(afterCalls, first);
        assertEquals(1, firstRow.at("/safety/attempts").asInt());
        assertEquals("応答なし", firstRow.at("/safety/lastAttemptLabel").asText());
        HttpClientResponseException replyWithoutReach = Problems.refused(() -> http.toBlocking().exchange(logins.as(
                Role.CENTER_STAFF, HttpRequest.POST("/api/disaster-events/" + eventId + "/households/" + first + "/contacts",
                        Map.of("method", "PHONE", "outcome", "REACHED")))));
        assertEquals(HttpStatus.BAD_REQUEST, replyWithoutReach.getStatus(), "reached needs what the family said");

        // --- the dashboard counts agree with the list
        JsonNode dashboard = getJson(Role.CENTER_STAFF, "/api/disaster-events/" + eventId + "/dashboard");
        assertEquals(listed.size(), dashboard.get("total").asInt());
        Map<String, Integer> byStatus = new HashMap<>();
        dashboard.get("byStatus").forEach(count -> byStatus.put(count.get("status").asText(), count.get("count").asInt()));
        assertEquals(stillUnreached.size(), byStatus.get("UNREACHED"));
        assertEquals(replied.values().stream().filter("SAFE_AT_HOME"::equals).count(), (long) byStatus.get("SAFE_AT_HOME"));
        assertEquals(replied.values().stream().filter("EVACUATED"::equals).count() + 1, (long) byStatus.get("EVACUATED"));
        int municipalityTotal = 0;
        for (JsonNode municipality : dashboard.get("byMunicipality")) {
            municipalityTotal += municipality.get("total").asInt();
        }
        assertEquals(listed.size(), municipalityTotal);
        JsonNode map = getJson(Role.CENTER_STAFF, "/api/disaster-events/" + eventId + "/map");
        assertEquals("FeatureCollection", map.get("type").asText());
        JsonNode needsPower = null;
        for (JsonNode feature : map.get("features")) {
            if (feature.at("/properties/householdId").asLong() == emailedDrill.get(0)) {
                needsPower = feature;
            }
            assertTrue(feature.at("/properties/childName").isMissingNode(), "no names on the map");
        }
        assertNotNull(needsPower);
        assertEquals("NEEDS_POWER", needsPower.at("/properties/status").asText());
        assertEquals("#e65100", needsPower.at("/properties/colour").asText());

        // --- closing: no more replies; the record says who was reached, when and how
        post(Role.CENTER_STAFF, "/api/disaster-events/" + eventId + "/close", Map.of("reason", "台風が通過し、停電が復旧したため"));
        long unrepliedEmailed = emailedDrill.stream().filter(id -> !replied.containsKey(id)).findFirst().orElseThrow();
        List<String> lateLinks = links(received.get(families.get(unrepliedEmailed).email()).get(0));
        FamilyBrowser.Page late = browser.submit(lateLinks.get(0), Map.of());
        assertTrue(late.html().contains("この安否確認は終了しました"), late.html());
        assertNull(statusInDatabase(eventId, unrepliedEmailed), "nothing recorded after the close");
        JsonNode record = getJson(Role.CENTER_STAFF, "/api/disaster-events/" + eventId + "/record");
        assertEquals(listed.size(), record.get("count").asInt());
        JsonNode reachedByPhone = null;
        for (JsonNode household : record.get("households")) {
            if (household.get("householdId").asLong() == second) {
                reachedByPhone = household;
            }
        }
        assertNotNull(reachedByPhone);
        assertEquals("電話", reachedByPhone.get("firstReachedBy").asText());
        assertEquals("親戚宅（錦町）", reachedByPhone.at("/contacts/0/detail").asText());
        String recordCsv = new String(http.toBlocking().exchange(logins.as(Role.CENTER_STAFF,
                HttpRequest.GET("/api/disaster-events/" + eventId + "/record?format=csv")), byte[].class).body(), StandardCharsets.UTF_8);
        assertTrue(recordCsv.startsWith("\uFEFF世帯ID,児童氏名"), recordCsv.substring(0, 40));
        assertTrue(recordCsv.contains("メールのリンク,回答あり,電源が必要,バッテリー残り2時間"), "how and what");
        assertFalse(recordCsv.contains("※"), "data rows only: the event and the notice are on the page and in the .xlsx");
        assertTrue(recordCsv.lines().skip(1).anyMatch(line -> line.matches(".*,\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2},.*"))
                && !java.util.regex.Pattern.compile("令和\\d+年\\d+月\\d+日").matcher(recordCsv).find(), "times as 2026/05/10 09:05, which Excel reads as dates");
        List<String> steps = new ArrayList<>();
        getJson(Role.CENTER_STAFF, "/api/disaster-events/" + eventId + "/timeline").forEach(step -> steps.add(step.get("action").asText()));
        assertEquals(List.of("declare", "start-safety-check", "close"), steps);
        assertTrue(Sql.queryForLong("SELECT count(*) FROM audit_log WHERE action = 'TRANSITION' AND subject_type = 'DISASTER_EVENT' "
                + "AND subject_id = ?", String.valueOf(eventId)) >= 3, "every step in the audit log");
    }

    // ----------------------------------------------------------------------------------------------------------------

    /**
     * The three nearest 福祉避難所 candidates and 指定避難所 within 10 km outside every hazard of the typhoon over the
     * flood zones of rank ≥ 2: flood zones of rank ≥ 2, and landslide and storm-surge zones of any rank, read from the
     * current zones themselves.
     */
    private List<Long> sheltersWithinReach(long householdId) throws Exception {
        return longs("""
                SELECT s.id FROM household h, shelter s JOIN geo_layer_version v ON v.id = s.version_id AND v.status = 'CURRENT'
                WHERE h.id = ? AND (s.welfare_candidate OR s.category = 'EVACUATION_SHELTER')
                  AND NOT EXISTS (SELECT 1 FROM hazard_zone z JOIN geo_layer_version zv ON zv.id = z.version_id
                                  WHERE zv.status = 'CURRENT' AND ST_Intersects(z.geom, s.geom)
                                    AND (z.hazard_type = 'FLOOD' AND z.severity >= 2
                                         OR z.hazard_type IN ('LANDSLIDE', 'STORM_SURGE')))
                  AND ST_Distance(s.geom::geography, h.location::geography) <= 10000
                ORDER BY ST_Distance(s.geom::geography, h.location::geography), s.id LIMIT 3""", householdId);
    }

    /** The hazards feature's own function: the three nearest within 10 km outside flood zones of rank ≥ 2 only. */
    private List<Long> floodOnlyShelters(long householdId) throws Exception {
        return longs("""
                SELECT s.id FROM household h, shelter s JOIN geo_layer_version v ON v.id = s.version_id AND v.status = 'CURRENT'
                WHERE h.id = ? AND (s.welfare_candidate OR s.category = 'EVACUATION_SHELTER')
                  AND NOT EXISTS (SELECT 1 FROM hazard_at(s.geom) z WHERE z.hazard_type = 'FLOOD' AND z.severity >= 2)
                  AND ST_Distance(s.geom::geography, h.location::geography) <= 10000
                ORDER BY ST_Distance(s.geom::geography, h.location::geography), s.id LIMIT 3""", householdId);
    }

    /**
     * A typhoon also brings landslides and storm surges: a small landslide zone over the shelter nearest to one
     * affected drill home outside the flood zones, and a storm-surge zone over another's, imported as layers of their
     * own. Returns the two shelters under them.
     */
    private List<Long> typhoonZonesOverNearestShelters(long floodLayer, Set<Long> drill) throws Exception {
        List<Long> shelters = new ArrayList<>();
        for (long home : longs("SELECT household_id FROM hazard_layer_households(?, 2) WHERE household_id = ANY (?) "
                + "ORDER BY household_id", floodLayer, drill.toArray(Long[]::new))) {
            List<Long> nearest = floodOnlyShelters(home);
            if (!nearest.isEmpty() && !shelters.contains(nearest.get(0))) {
                shelters.add(nearest.get(0));
            }
            if (shelters.size() == 2) {
                break;
            }
        }
        assertEquals(2, shelters.size(), "two shelters nearest to affected drill homes");
        java.nio.file.Path temp = java.nio.file.Files.createTempDirectory("typhoon-zones-");
        String[] types = {"LANDSLIDE", "STORM_SURGE"};
        String[] properties = {"{\"A33_001\":1,\"A33_002\":1}", "{\"A49_003\":\"1.0m以上2.0m未満\"}"};
        for (int i = 0; i < 2; i++) {
            List<Long> at = longs("SELECT round(ST_X(geom) * 1e7)::bigint FROM shelter WHERE id = ? UNION ALL "
                    + "SELECT round(ST_Y(geom) * 1e7)::bigint FROM shelter WHERE id = ?", shelters.get(i), shelters.get(i));
            double lon = at.get(0) / 1e7;
            double lat = at.get(1) / 1e7;
            double h = 0.0002; // about 20 m: the shelter, hardly any home
            String file = types[i].toLowerCase(java.util.Locale.ROOT) + ".geojson";
            java.nio.file.Path zone = java.nio.file.Files.writeString(temp.resolve(file), String.format(java.util.Locale.ROOT,
                    "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:6668\"}},"
                            + "\"features\":[{\"type\":\"Feature\",\"properties\":%s,\"geometry\":{\"type\":\"Polygon\","
                            + "\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}}]}", properties[i],
                    lon - h, lat - h, lon + h, lat - h, lon + h, lat + h, lon - h, lat + h, lon - h, lat - h));
            importer.importFiles(HazardImports.request("訓練 台風 " + types[i] + " " + run, HazardType.valueOf(types[i]),
                    "試験用の区域", null, null), List.of(new InputFile(zone, file)), ImportProgress.NONE);
        }
        return shelters;
    }

    private Set<String> eventMunicipalities(List<Long> listed) throws Exception {
        Set<String> codes = new TreeSet<>();
        try (Connection connection = Sql.connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT DISTINCT municipality_code FROM household WHERE id = ANY (?) AND municipality_code IS NOT NULL")) {
            select.setArray(1, connection.createArrayOf("bigint", listed.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    codes.add(row.getString(1));
                }
            }
        }
        return codes;
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(Object municipalities) {
        return ((List<Map<String, Object>>) municipalities).stream().map(m -> (String) m.get("code")).toList();
    }

    private Map<String, List<MimeMessage>> safetyEmails(String eventName) throws Exception {
        Map<String, List<MimeMessage>> byAddress = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getSubject() != null && message.getSubject().contains(eventName)) {
                byAddress.computeIfAbsent(message.getRecipients(Message.RecipientType.TO)[0].toString(),
                        ignored -> new ArrayList<>()).add(message);
            }
        }
        return byAddress;
    }

    private static List<String> links(MimeMessage message) {
        String text = MailText.part(message, "text/plain");
        List<String> links = new ArrayList<>();
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            links.add(matcher.group(1));
        }
        return links;
    }

    private static String statusInDatabase(long eventId, long householdId) throws Exception {
        try (Connection connection = Sql.connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT reply FROM safety_contact WHERE event_id = ? AND household_id = ? ORDER BY id DESC LIMIT 1")) {
            select.setLong(1, eventId);
            select.setLong(2, householdId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static List<Long> ids(JsonNode households) {
        List<Long> ids = new ArrayList<>();
        households.forEach(row -> ids.add(row.get("householdId").asLong()));
        return ids;
    }

    private static List<Long> shelterIds(JsonNode shelters) {
        List<Long> ids = new ArrayList<>();
        shelters.forEach(shelter -> ids.add(shelter.get("id").asLong()));
        return ids;
    }

    private static JsonNode rowOf(JsonNode list, long householdId) {
        for (JsonNode row : list.get("households")) {
            if (row.get("householdId").asLong() == householdId) {
                return row;
            }
        }
        throw new AssertionError("household " + householdId + " is not in the list");
    }

    private static List<Long> longs(String sql, Object... parameters) throws Exception {
        List<Long> values = new ArrayList<>();
        try (Connection connection = Sql.connect(); PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                if (value instanceof Long[] array) {
                    select.setArray(i + 1, connection.createArrayOf("bigint", array));
                } else {
                    select.setObject(i + 1, value);
                }
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    values.add(row.getLong(1));
                }
            }
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(Role role, String path, Object body) {
        return http.toBlocking().retrieve(logins.as(role, HttpRequest.POST(path, body)), Argument.mapOf(String.class, Object.class));
    }

    private JsonNode getJson(Role role, String path) throws Exception {
        String body = http.toBlocking().retrieve(logins.as(role, HttpRequest.GET(path)), String.class);
        return JSON.readTree(body);
    }
}
