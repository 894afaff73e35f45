package jp.inochi.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
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
import java.net.ServerSocket;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.reminders.model.ReminderPolicy;
import jp.inochi.reminders.outbox.OutboxDelivery;
import jp.inochi.testsupport.GeneratedLoans;
import jp.inochi.testsupport.MailText;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Problems;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Acceptance: SMTP is down for an hour of the service's clock; the messages wait, with growing pauses, and go out once
 * it is back: 0 lost, 0 duplicated (every message sent exactly once, each family's email received once). A message that can't be delivered within the policy's attempts is given up, the center
 * is told in its digest, and staff can resend it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmtpDownTest implements TestPropertyProvider {
    private final int port = freePort();
    private GreenMail smtp;

    @Inject
    ReminderSweep sweep;

    @Inject
    OutboxDelivery delivery;

    @Inject
    ReminderPolicy policy;

    @Inject
    MovableClock clock;

    @Inject
    TestLogins logins;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("javamail.properties.mail.smtp.port", String.valueOf(port),
                "javamail.properties.mail.smtp.connectiontimeout", "1000");
    }

    @AfterEach
    void smtpOff() {
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    private void smtpBack() {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private Map<String, Integer> received(GeneratedLoans.Batch batch) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
            if (to.startsWith(batch.tag() + "-")) {
                counts.merge(to, 1, Integer::sum);
            }
        }
        return counts;
    }

    private GeneratedLoans.Batch families(String tag, int count, LocalDate start) throws Exception {
        try (Connection connection = Sql.connect()) {
            return GeneratedLoans.create(connection, tag + "-" + System.nanoTime() % 1_000_000, count, start, 0, 1, true);
        }
    }

    private long stateCount(GeneratedLoans.Batch batch, String state) throws Exception {
        return Sql.queryForLong("SELECT count(*) FROM outbox_message WHERE household_id BETWEEN ? AND ? AND state = ?",
                batch.firstHouseholdId(), batch.lastHouseholdId(), state);
    }

    @Test
    void messagesWaitWhileSmtpIsDownForAnHourOfTheServicesClockAndEachGoesOutExactlyOnceWhenItIsBack() throws Exception {
        GeneratedLoans.Batch batch = families("smtp-down", 40, LocalDate.of(2025, 9, 1));
        LocalDate day = LocalDate.of(2026, 1, 1);  // 60 days before the plan deadline of 2026-03-01
        clock.set(ZonedDateTime.of(day, LocalTime.of(9, 0), JapanTime.ZONE).toInstant());
        sweep.run(clock.instant());
        assertEquals(40, stateCount(batch, "PENDING"));

        // down for an hour of the service's clock: every attempt fails, each pause longer than the last
        Duration down = Duration.ZERO;
        int failed = 0;
        while (down.compareTo(Duration.ofHours(1)) < 0) {
            failed++;
            delivery.deliverReady();
            assertEquals(40, stateCount(batch, "PENDING"), "all still waiting after failed attempt " + failed);
            assertEquals(40, Sql.queryForLong("SELECT count(*) FROM outbox_message WHERE household_id BETWEEN ? AND ? "
                    + "AND attempts = ? AND last_error LIKE '%Connect%'", batch.firstHouseholdId(), batch.lastHouseholdId(),
                    failed));
            delivery.deliverReady();
            assertEquals(40, Sql.queryForLong("SELECT count(*) FROM outbox_message WHERE household_id BETWEEN ? AND ? "
                    + "AND attempts = ?", batch.firstHouseholdId(), batch.lastHouseholdId(), failed),
                    "no new attempt before the pause is over");
            clock.advance(policy.delivery().retryDelay(failed));
            down = down.plus(policy.delivery().retryDelay(failed));
        }
        assertTrue(failed >= 3 && failed < policy.delivery().maxAttempts(), "an hour is within the policy's patience: "
                + failed + " attempts");
        smtpBack();
        delivery.deliverReady();
        delivery.deliverReady();
        sweep.run(clock.instant());
        delivery.deliverReady();

        Map<String, Integer> counts = received(batch);
        assertEquals(40, counts.size(), "0 lost");
        assertTrue(counts.values().stream().allMatch(n -> n == 1), "0 duplicated: " + counts);
        assertEquals(40, stateCount(batch, "SENT"));
        assertEquals(40 * failed, Sql.queryForLong("SELECT count(*) FROM outbox_attempt a JOIN outbox_message m ON m.id = "
                + "a.message_id WHERE m.household_id BETWEEN ? AND ? AND a.outcome = 'RETRY'", batch.firstHouseholdId(),
                batch.lastHouseholdId()));
        assertEquals(40, Sql.queryForLong("SELECT count(*) FROM reminder WHERE household_id BETWEEN ? AND ? "
                + "AND state = 'SENT'", batch.firstHouseholdId(), batch.lastHouseholdId()));
        assertEquals(40, Sql.queryForLong("SELECT count(*) FROM outbox_attempt a JOIN outbox_message m ON m.id = "
                + "a.message_id WHERE m.household_id BETWEEN ? AND ? AND a.outcome = 'SENT'", batch.firstHouseholdId(),
                batch.lastHouseholdId()), "one successful attempt per message");
        assertEquals(0, Sql.queryForLong("SELECT count(*) FROM outbox_message WHERE household_id BETWEEN ? AND ? "
                + "AND redelivered", batch.firstHouseholdId(), batch.lastHouseholdId()), "failed attempts are not redeliveries");
        try (Connection connection = Sql.connect()) {
            GeneratedLoans.remove(connection, batch);
        }
    }

    @Test
    void aMessageThatNeverGetsThroughIsGivenUpTheCenterIsToldAndStaffCanResendIt() throws Exception {
        GeneratedLoans.Batch batch = families("give-up", 1, LocalDate.of(2025, 9, 2));
        LocalDate day = LocalDate.of(2026, 1, 2);
        clock.set(ZonedDateTime.of(day, LocalTime.of(9, 0), JapanTime.ZONE).toInstant());
        sweep.run(clock.instant());
        long id = Sql.queryForLong("SELECT id FROM outbox_message WHERE household_id = ?", batch.firstHouseholdId());
        int attempts = policy.delivery().maxAttempts();
        for (int attempt = 1; attempt <= attempts; attempt++) {
            delivery.deliverReady();
            clock.advance(policy.delivery().retryDelay(attempt));
        }
        assertEquals("FAILED", Sql.queryForText("SELECT state FROM outbox_message WHERE id = ?", id));
        assertEquals(attempts, Sql.queryForLong("SELECT attempts FROM outbox_message WHERE id = ?", id));
        assertEquals(attempts + "回試しても送信できなかったため、再試行を終了しました",
                Sql.queryForText("SELECT outcome_note FROM outbox_message WHERE id = ?", id));
        assertEquals("FAILED", Sql.queryForText("SELECT state FROM reminder WHERE message_id = ?", id));
        delivery.deliverReady();
        assertEquals(attempts, Sql.queryForLong("SELECT attempts FROM outbox_message WHERE id = ?", id), "given up is final");

        // SMTP is back: the next staff digest names the message that was given up
        smtpBack();
        LocalDate next = day.plusDays(1);
        clock.set(ZonedDateTime.of(next, LocalTime.of(9, 0), JapanTime.ZONE).toInstant());
        sweep.run(clock.instant());
        delivery.deliverReady();
        Long digest = Sql.queryForLong("SELECT coalesce(failure_reported_in, 0) FROM outbox_message WHERE id = ?", id);
        if (digest == 0) {  // today's staff digest had already gone out in another test: tomorrow's tells
            clock.set(ZonedDateTime.of(next.plusDays(1), LocalTime.of(9, 0), JapanTime.ZONE).toInstant());
            sweep.run(clock.instant());
            delivery.deliverReady();
            digest = Sql.queryForLong("SELECT failure_reported_in FROM outbox_message WHERE id = ?", id);
        }
        String digestText = Sql.queryForText("SELECT body_text FROM outbox_message WHERE id = ?", digest);
        assertNotNull(digestText);
        assertTrue(digestText.contains("■ 送信をあきらめたメール"), digestText);
        assertTrue(digestText.contains("・メール " + id + "（reminder.family-digest）　世帯 " + batch.firstHouseholdId()),
                digestText);
        assertTrue(!digestText.contains(batch.email(1)), "addresses are masked in errors");

        HttpResponse<Map> resent = http.toBlocking().exchange(logins.as(Role.CENTER_STAFF,
                HttpRequest.POST("/api/outbox/" + id + "/resend", Map.of())), Map.class);
        assertEquals(HttpStatus.CREATED, resent.getStatus());
        Number resentId = (Number) resent.body().get("id");
        assertEquals(id, ((Number) resent.body().get("resendOf")).longValue());
        HttpClientResponseException twice = Problems.refused(() -> http.toBlocking().exchange(logins.as(Role.CENTER_STAFF,
                HttpRequest.POST("/api/outbox/" + id + "/resend", Map.of()))));
        assertEquals(HttpStatus.CONFLICT, twice.getStatus(), "one resend at a time");
        delivery.deliverReady();
        assertEquals("SENT", Sql.queryForText("SELECT state FROM outbox_message WHERE id = ?", resentId.longValue()));
        assertEquals(Map.of(batch.email(1), 1), received(batch));
        MimeMessage email = smtp.getReceivedMessages()[smtp.getReceivedMessages().length - 1];
        assertTrue(MailText.part(email, "text/plain").contains("個別避難計画"));
        assertEquals("SENT", Sql.queryForText("SELECT state FROM reminder WHERE message_id = ?", id));
        try (Connection connection = Sql.connect()) {
            GeneratedLoans.remove(connection, batch);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
