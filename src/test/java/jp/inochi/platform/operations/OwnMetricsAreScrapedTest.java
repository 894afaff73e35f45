package jp.inochi.platform.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.access.Users;
import jp.inochi.households.Household;
import jp.inochi.reminders.ReminderSweep;
import jp.inochi.reminders.model.Recipient;
import jp.inochi.reminders.outbox.Outbox;
import jp.inochi.reminders.outbox.OutboxMeters;
import jp.inochi.testsupport.Browser;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLogins;
import jp.inochi.testsupport.Uploads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, finding 9: the service's own meters move when the real things happen, and the scraper reads them from
 * {@code /prometheus}: sign-in failures and lockouts, imports and their failures, exposure recomputes, the reminder
 * sweep, safety-check replies, and the outbox's backlog and its oldest message's age.
 */
@MicronautTest(transactional = false)
@Property(name = "inochi.metrics.scrape-token", value = OwnMetricsAreScrapedTest.SCRAPE_TOKEN)
class OwnMetricsAreScrapedTest {
    static final String SCRAPE_TOKEN = "scrape-token-for-metric-tests-0123456789";

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestLogins logins;
    @Inject
    Users users;
    @Inject
    Uploads uploads;
    @Inject
    TestHouseholds households;
    @Inject
    ReminderSweep sweep;
    @Inject
    Outbox outbox;
    @Inject
    OutboxMeters outboxMeters;
    @Inject
    MovableClock clock;

    @TempDir
    Path temp;

    @Test
    void wrongPasswordsCountAsSignInFailuresAndTheFifthLocksTheAccount() {
        String username = "metrics-" + System.nanoTime();
        users.create(new Users.NewUser(username, "計測 試験", TestLogins.PASSWORD, Role.AUDITOR, null, null, null));
        Scrape before = scrape();
        for (int guess = 0; guess < 6; guess++) {
            signIn(username, "wrong-password-" + guess);
        }
        signIn("no-such-user-" + System.nanoTime(), "whatever-it-is");
        Scrape after = scrape();

        assertEquals(5, moved(before, after, "inochi_signin_failures_total", "account=\"known\"", "reason=\"credentials_do_not_match\""));
        assertEquals(1, moved(before, after, "inochi_signin_failures_total", "account=\"known\"", "reason=\"account_locked\""));
        assertEquals(1, moved(before, after, "inochi_signin_lockouts_total", "account=\"known\""));
        assertEquals(1, moved(before, after, "inochi_signin_failures_total", "account=\"unknown\""));
    }

    @Test
    void aSmallImportAndARefusedOneAreCountedAndTimedAndTheImportRecomputesExposure() throws Exception {
        Path zone = Files.writeString(temp.resolve("zone.geojson"), """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"depth_rank":2},"geometry":{"type":"Polygon","coordinates":[[[130.42,32.40],[130.43,32.40],[130.43,32.41],[130.42,32.41],[130.42,32.40]]]}}
                ]}""");
        Path broken = Files.writeString(temp.resolve("broken.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[");
        Scrape before = scrape();
        Map<String, Object> imported = uploads.importAndAwait("/api/hazard-layers",
                Map.of("name", "計測試験 " + System.nanoTime(), "hazardType", "FLOOD"), zone);
        assertEquals("SUCCEEDED", imported.get("status"), () -> String.valueOf(imported));
        Map<String, Object> refused = uploads.importAndAwait("/api/hazard-layers",
                Map.of("name", "計測試験 壊れた " + System.nanoTime(), "hazardType", "FLOOD"), broken);
        assertEquals("FAILED", refused.get("status"), () -> String.valueOf(refused));
        Scrape after = scrape();

        assertEquals(1, moved(before, after, "inochi_imports_seconds_count", "kind=\"hazard\"", "outcome=\"succeeded\""));
        assertTrue(moved(before, after, "inochi_imports_seconds_sum", "kind=\"hazard\"", "outcome=\"succeeded\"") > 0);
        assertEquals(1, moved(before, after, "inochi_imports_seconds_count", "kind=\"hazard\"", "outcome=\"refused\""));
        assertEquals(1, moved(before, after, "inochi_import_failures_total", "kind=\"hazard\"", "cause=\"content\""));
        assertEquals(1, moved(before, after, "inochi_exposure_recompute_seconds_count", "trigger=\"layer\"", "outcome=\"succeeded\""));
    }

    @Test
    void aReminderSweepIsTimedAndCounted() {
        Scrape before = scrape();
        sweep.run(clock.instant());
        Scrape after = scrape();
        assertEquals(1, moved(before, after, "inochi_reminder_sweeps_seconds_count", "outcome=\"complete\""));
        assertTrue(after.text().contains("inochi_reminders_written_total"), "the sweep's counters are there from its first run");
    }

    @Test
    void aFamilyReachedByPhoneCountsAsASafetyReply() {
        Household household = households.living("43511", true, 130.7001 + (System.nanoTime() % 1000) * 0.00001, 32.3501);
        double x = household.longitude();
        double y = household.latitude();
        String square = "{\"type\":\"Polygon\",\"coordinates\":[[[" + (x - 0.0003) + "," + (y - 0.0003) + "],[" + (x + 0.0003)
                + "," + (y - 0.0003) + "],[" + (x + 0.0003) + "," + (y + 0.0003) + "],[" + (x - 0.0003) + "," + (y + 0.0003)
                + "],[" + (x - 0.0003) + "," + (y - 0.0003) + "]]]}";
        Map<String, Object> event = post("/api/disaster-events", Map.of("name", "計測試験 停電 " + System.nanoTime(),
                "eventType", "POWER_OUTAGE", "area", Map.of("kind", "POLYGON", "geoJson", square)));
        Scrape before = scrape();
        post("/api/disaster-events/" + event.get("id") + "/households/" + household.id() + "/contacts",
                Map.of("method", "PHONE", "outcome", "REACHED", "reply", "NEEDS_POWER"));
        Scrape after = scrape();
        assertEquals(1, moved(before, after, "inochi_safety_replies_total", "reply=\"needs_power\"", "channel=\"phone\""));
    }

    @Test
    void theOutboxBacklogAndItsOldestMessagesAgeAreGauges() throws Exception {
        String key = "metrics-test:" + System.nanoTime();
        outbox.enqueue(new Outbox.NewMessage("metrics.test", key, Recipient.STAFF, null, null, null,
                clock.instant().minus(Duration.ofMinutes(10))));
        try {
            outboxMeters.refresh();
            Scrape scraped = scrape();
            assertTrue(scraped.value("inochi_outbox_backlog", "state=\"due\"") >= 1, scraped.text());
            assertTrue(scraped.value("inochi_outbox_oldest_age_seconds") >= 600, "due for ten minutes at least");
        } finally {
            // not a kind this service sends: out of the way of other tests' deliveries
            Sql.update("UPDATE outbox_message SET state = 'CANCELLED' WHERE dedupe_key = ?", key);
            outboxMeters.refresh();
        }
    }

    private static double moved(Scrape before, Scrape after, String metric, String... labels) {
        return after.value(metric, labels) - before.value(metric, labels);
    }

    private void signIn(String username, String password) {
        HttpResponse<String> refused = browser().postJson("/api/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertTrue(refused.statusCode() == 401 || refused.statusCode() == 429, refused.body());
    }

    private Map<String, Object> post(String path, Object body) {
        return client.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.POST(path, body)),
                Argument.mapOf(String.class, Object.class));
    }

    private Scrape scrape() {
        HttpResponse<String> response = browser().get("/prometheus", "Authorization", "Bearer " + SCRAPE_TOKEN);
        assertEquals(200, response.statusCode());
        return new Scrape(response.body());
    }

    private Browser browser() {
        return new Browser(server.getURI());
    }
}
