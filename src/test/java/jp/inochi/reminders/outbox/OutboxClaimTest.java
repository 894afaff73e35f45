package jp.inochi.reminders.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.reminders.ReminderSweep;
import jp.inochi.testsupport.GeneratedLoans;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Senders that run at the same time never hold the same message (FOR UPDATE SKIP LOCKED and the state change in one
 * transaction), and a message whose sender died mid-send is taken over when its lease runs out, and sent once; it is
 * marked redelivered only if the attempt that died had begun talking to the mail server.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxClaimTest implements TestPropertyProvider {
    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @Inject
    OutboxDelivery delivery;

    @Inject
    ReminderSweep sweep;

    @Inject
    MovableClock clock;

    @Override
    public Map<String, String> getProperties() {
        smtp.start();
        return Map.of("javamail.properties.mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    private GeneratedLoans.Batch remindedFamilies(String tag, int count, LocalDate start, LocalDate day) throws Exception {
        GeneratedLoans.Batch batch;
        try (Connection connection = Sql.connect()) {
            batch = GeneratedLoans.create(connection, tag + "-" + System.nanoTime() % 1_000_000, count, start, 0, 1, true);
        }
        clock.set(ZonedDateTime.of(day, LocalTime.of(9, 0), JapanTime.ZONE).toInstant());
        sweep.run(clock.instant());
        return batch;
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

    @Test
    void fourSendersDrainingTheOutboxAtOnceSendEachMessageOnce() throws Exception {
        GeneratedLoans.Batch batch = remindedFamilies("claim", 300, LocalDate.of(2025, 9, 3), LocalDate.of(2026, 1, 3));
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Callable<OutboxDelivery.DeliveryReport>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(delivery::deliverReady);
            }
            int sent = 0;
            for (Future<OutboxDelivery.DeliveryReport> run : senders.invokeAll(runs)) {
                sent += run.get().sent();
            }
            assertTrue(sent >= 300, "all sent between them: " + sent);
        } finally {
            senders.shutdownNow();
        }
        Map<String, Integer> counts = received(batch);
        assertEquals(300, counts.size());
        assertTrue(counts.values().stream().allMatch(n -> n == 1), "each once: " + counts);
        assertEquals(300, Sql.queryForLong("SELECT count(*) FROM outbox_attempt a JOIN outbox_message m ON m.id = a.message_id "
                + "WHERE m.household_id BETWEEN ? AND ?", batch.firstHouseholdId(), batch.lastHouseholdId()),
                "one attempt per message");
        try (Connection connection = Sql.connect()) {
            GeneratedLoans.remove(connection, batch);
        }
    }

    @Test
    void aMessageWhoseSenderDiedMidSendIsTakenOverWhenItsLeaseRunsOutAndSentOnce() throws Exception {
        GeneratedLoans.Batch batch = remindedFamilies("lease", 1, LocalDate.of(2025, 9, 4), LocalDate.of(2026, 1, 4));
        long id = Sql.queryForLong("SELECT id FROM outbox_message WHERE household_id = ?", batch.firstHouseholdId());
        // another instance claimed it and died before recording the result
        Sql.update("UPDATE outbox_message SET state = 'SENDING', attempts = 1, claimed_by = 'node-that-died', "
                + "lease_until = ?, last_attempt_at = ? WHERE id = ?",
                java.sql.Timestamp.from(clock.instant().plus(Duration.ofMinutes(5))), java.sql.Timestamp.from(clock.instant()), id);
        // ...while talking to the mail server: the family may have the email already
        Sql.update("INSERT INTO outbox_attempt (message_id, attempt, instance, started_at, smtp_started_at) "
                + "VALUES (?, 1, 'node-that-died', ?, ?)", id, java.sql.Timestamp.from(clock.instant()),
                java.sql.Timestamp.from(clock.instant()));

        delivery.deliverReady();
        assertEquals(Map.of(), received(batch), "not while the lease holds");
        assertEquals("SENDING", Sql.queryForText("SELECT state FROM outbox_message WHERE id = ?", id));

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        delivery.deliverReady();
        assertEquals(Map.of(batch.email(1), 1), received(batch));
        assertEquals("SENT", Sql.queryForText("SELECT state FROM outbox_message WHERE id = ?", id));
        assertEquals("true", Sql.queryForText("SELECT redelivered::text FROM outbox_message WHERE id = ?", id));
        assertEquals("INTERRUPTED", Sql.queryForText("SELECT outcome FROM outbox_attempt WHERE message_id = ? AND attempt = 1", id));
        assertEquals("SENT", Sql.queryForText("SELECT outcome FROM outbox_attempt WHERE message_id = ? AND attempt = 2", id));
        delivery.deliverReady();
        assertEquals(Map.of(batch.email(1), 1), received(batch));
        try (Connection connection = Sql.connect()) {
            GeneratedLoans.remove(connection, batch);
        }
    }

    @Test
    void aMessageWhoseSenderDiedBeforeTalkingToTheMailServerIsTakenOverAsAPlainRetryNotMarkedRedelivered() throws Exception {
        GeneratedLoans.Batch batch = remindedFamilies("lease-quiet", 1, LocalDate.of(2025, 9, 5), LocalDate.of(2026, 1, 5));
        long id = Sql.queryForLong("SELECT id FROM outbox_message WHERE household_id = ?", batch.firstHouseholdId());
        // another instance claimed it and died while composing, before any SMTP talk
        Sql.update("UPDATE outbox_message SET state = 'SENDING', attempts = 1, claimed_by = 'node-that-died', "
                + "lease_until = ?, last_attempt_at = ? WHERE id = ?",
                java.sql.Timestamp.from(clock.instant().plus(Duration.ofMinutes(5))), java.sql.Timestamp.from(clock.instant()), id);
        Sql.update("INSERT INTO outbox_attempt (message_id, attempt, instance, started_at) VALUES (?, 1, 'node-that-died', ?)",
                id, java.sql.Timestamp.from(clock.instant()));

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        delivery.deliverReady();
        assertEquals(Map.of(batch.email(1), 1), received(batch));
        assertEquals("SENT", Sql.queryForText("SELECT state FROM outbox_message WHERE id = ?", id));
        assertEquals("false", Sql.queryForText("SELECT redelivered::text FROM outbox_message WHERE id = ?", id),
                "nothing had reached the mail server: the family gets it once");
        assertEquals("INTERRUPTED", Sql.queryForText("SELECT outcome FROM outbox_attempt WHERE message_id = ? AND attempt = 1", id));
        assertTrue(Sql.queryForText("SELECT error FROM outbox_attempt WHERE message_id = ? AND attempt = 1", id)
                .contains("やり取りを始める前"));
        assertEquals("true", Sql.queryForText("SELECT (smtp_started_at IS NOT NULL)::text FROM outbox_attempt "
                + "WHERE message_id = ? AND attempt = 2", id), "the attempt that sent it recorded its SMTP talk");
        try (Connection connection = Sql.connect()) {
            GeneratedLoans.remove(connection, batch);
        }
    }
}
