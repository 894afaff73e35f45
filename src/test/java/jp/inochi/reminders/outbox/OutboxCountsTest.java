package jp.inochi.reminders.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.reminders.ReminderSweep;
import jp.inochi.reminders.model.Recipient;
import jp.inochi.testsupport.GeneratedLoans;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The counts staff read: a message waiting for its time (tomorrow's digest) is 「送信待ち（予定時刻前）」, one that is
 * due and not gone is 「送信中・再送待ち」, so the latter returns to 0 once everything due has gone.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxCountsTest implements TestPropertyProvider {
    private static final Argument<List<Map<String, Object>>> LIST = Argument.listOf(Argument.mapOf(String.class, Object.class));
    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @Inject
    OutboxDelivery delivery;

    @Inject
    ReminderSweep sweep;

    @Inject
    Outbox outbox;

    @Inject
    MovableClock clock;

    @Inject
    TestLogins logins;

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

    private Map<String, Object> counts() {
        return http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.GET("/api/outbox/counts")),
                Argument.mapOf(String.class, Object.class));
    }

    private static long number(Map<String, Object> counts, String field) {
        return ((Number) counts.get(field)).longValue();
    }

    private List<Map<String, Object>> listed(GeneratedLoans.Batch batch, Backlog backlog) {
        return http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.GET("/api/outbox?backlog="
                + backlog.name() + "&householdId=" + batch.firstHouseholdId())), LIST);
    }

    @Test
    void messagesNotDueYetAreCountedApartSoSendingOrRetryingReturnsToZeroOnceEverythingDueHasGone() throws Exception {
        GeneratedLoans.Batch batch;
        try (Connection connection = Sql.connect()) {
            batch = GeneratedLoans.create(connection, "counts-" + System.nanoTime() % 1_000_000, 1,
                    LocalDate.of(2025, 9, 7), 0, 1, true);
        }
        LocalDate day = LocalDate.of(2026, 1, 7);
        try {
            // 06:00: the sweep writes the family's digest for its hour (09:00); it is not due yet
            clock.set(ZonedDateTime.of(day, LocalTime.of(6, 0), JapanTime.ZONE).toInstant());
            Map<String, Object> before = counts();
            sweep.run(clock.instant());
            assertEquals(1, listed(batch, Backlog.SCHEDULED).size(), "the digest waits for its hour");
            assertEquals(List.of(), listed(batch, Backlog.SENDING_OR_RETRYING));
            Map<String, Object> early = counts();
            assertTrue(number(early, "scheduled") >= number(before, "scheduled") + 1, early.toString());
            assertEquals(number(before, "sendingOrRetrying"), number(early, "sendingOrRetrying"),
                    "nothing due was added: " + early);
            // and tomorrow's email for the family, as tomorrow's staff digest waits
            outbox.enqueue(new Outbox.NewMessage("reminder.family-digest", "counts-test:" + batch.tag(), Recipient.FAMILY,
                    batch.firstHouseholdId(), null, day.plusDays(1),
                    ZonedDateTime.of(day.plusDays(1), LocalTime.of(9, 0), JapanTime.ZONE).toInstant()));

            // 09:00: today's digest is due
            clock.set(ZonedDateTime.of(day, LocalTime.of(9, 0), JapanTime.ZONE).toInstant());
            assertEquals(1, listed(batch, Backlog.SENDING_OR_RETRYING).size(), "due now");
            assertEquals(1, listed(batch, Backlog.SCHEDULED).size(), "tomorrow's still waits");
            assertTrue(number(counts(), "sendingOrRetrying") >= 1);

            delivery.deliverReady();
            Map<String, Object> after = counts();
            assertEquals(List.of(), listed(batch, Backlog.SENDING_OR_RETRYING), "everything due of ours has gone");
            // other classes of the suite share the database and may leave due messages behind: none were added here
            assertTrue(number(after, "sendingOrRetrying") <= number(before, "sendingOrRetrying"), "everything due has gone: " + after);
            assertTrue(number(after, "scheduled") >= 1, "tomorrow's still waits: " + after);
            assertEquals(List.of(), listed(batch, Backlog.SENDING_OR_RETRYING));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> byState = (List<Map<String, Object>>) after.get("byState");
            assertTrue(byState.stream().anyMatch(c -> "PENDING".equals(c.get("state"))
                    && ((Number) c.get("messages")).longValue() >= 1), "the counts per state are still there: " + byState);
        } finally {
            try (Connection connection = Sql.connect()) {
                GeneratedLoans.remove(connection, batch);
            }
        }
    }
}
