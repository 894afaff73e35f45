package jp.inochi.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jp.inochi.testsupport.SchedulesCopy;
import jp.inochi.access.Role;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.testsupport.GeneratedLoans;
import jp.inochi.testsupport.ServiceProcess;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.StallingSmtpProxy;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/**
 * Acceptance, with two real service processes on one database: one is killed (SIGKILL) in the middle of sending, at
 * the worst moment: the mail server has one email whole and the instance never heard it was accepted, and more emails
 * are claimed but not begun. The other takes them over when their lease runs out: every email is delivered, the one
 * whose SMTP talk had begun is sent again and marked redelivered (the documented duplicate), and only that one.
 */
@MicronautTest(transactional = false)
class InstanceKilledWhileSendingTest {
    private static final int FAMILIES = 30;
    private static final int SENT_BEFORE_THE_STALL = 3;

    @Inject
    TestLogins logins;

    @Test
    void anInstanceKilledMidSendLeavesEveryEmailDeliveredAndOnlyTheOneWhoseSmtpTalkHadBegunMarkedRedelivered()
            throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Path schedules = SchedulesCopy.ofAll();
        ExecutorService callers = Executors.newSingleThreadExecutor();
        GeneratedLoans.Batch batch = null;
        try (StallingSmtpProxy proxy = new StallingSmtpProxy(smtp.getSmtp().getPort())) {
            writeSchedules(schedules);
            Map<String, String> settings = ServiceProcess.sharedSettings(schedules, proxy.port());
            try (ServiceProcess nodeA = ServiceProcess.start("send-a", settings);
                 ServiceProcess nodeB = ServiceProcess.start("send-b", settings)) {
                nodeA.awaitHealthy(Duration.ofSeconds(120));
                nodeB.awaitHealthy(Duration.ofSeconds(120));
                String token = nodeA.token(logins.user(Role.CENTER_ADMIN).username(), TestLogins.PASSWORD);

                // the suite's classes share the database: what earlier classes left waiting would be sent first and
                // take the stall, so it is set aside (those classes have finished)
                Sql.update("UPDATE outbox_message SET state = 'CANCELLED', claimed_by = NULL, lease_until = NULL "
                        + "WHERE state IN ('PENDING', 'SENDING')");
                long before = Sql.queryForLong("SELECT coalesce(max(id), 0) FROM outbox_message");
                batch = dueFamilies();
                assertEquals(200, nodeA.post("/api/reminders/sweep", token).statusCode());
                assertTrue(Sql.queryForLong("SELECT count(*) FROM outbox_message WHERE household_id BETWEEN ? AND ?",
                        batch.firstHouseholdId(), batch.lastHouseholdId()) == FAMILIES, "one email per family waits");

                // A sends three, then the fourth is held: the server has it, A waits for its "250 OK"
                proxy.stallAfter(SENT_BEFORE_THE_STALL);
                callers.submit(() -> nodeA.post("/api/outbox/deliver", token));
                assertTrue(proxy.awaitStall(90), "node A reached the mail server");
                assertTrue(smtp.waitForIncomingEmail(10_000, SENT_BEFORE_THE_STALL + 1));
                Set<Long> talked = outboxIds(smtp.getReceivedMessages()).keySet();
                Set<Long> sentByA = ids("SELECT id FROM outbox_message WHERE id > ? AND state = 'SENT'", before);
                Set<Long> midTalk = ids("SELECT a.message_id FROM outbox_attempt a JOIN outbox_message m ON m.id = "
                        + "a.message_id WHERE m.id > ? AND m.state = 'SENDING' AND a.attempt = m.attempts "
                        + "AND a.smtp_started_at IS NOT NULL", before);
                Set<Long> claimedQuiet = ids("SELECT m.id FROM outbox_message m JOIN outbox_attempt a ON a.message_id = "
                        + "m.id AND a.attempt = m.attempts WHERE m.id > ? AND m.state = 'SENDING' "
                        + "AND a.smtp_started_at IS NULL", before);
                Set<Long> heldByServer = new TreeSet<>(talked);
                heldByServer.removeAll(sentByA);
                assertEquals(1, heldByServer.size(), "one email is whole at the server, unconfirmed: " + heldByServer);
                assertEquals(heldByServer, midTalk, "the database knows which email's SMTP talk had begun");
                assertFalse(claimedQuiet.isEmpty(), "A also held emails it had not begun");

                nodeA.kill();
                awaitLeasesRunOut(before);
                assertEquals(200, nodeB.post("/api/outbox/deliver", token).statusCode());
                assertTrue(nodeB.isAlive());

                assertEquals(0, Sql.queryForLong("SELECT count(*) FROM outbox_message WHERE id > ? "
                        + "AND state IN ('PENDING', 'SENDING')", before), "nothing left behind");
                Map<Long, Integer> received = outboxIds(smtp.getReceivedMessages());
                Set<Long> ours = ids("SELECT id FROM outbox_message WHERE id > ? AND state = 'SENT'", before);
                assertTrue(received.keySet().containsAll(ours), "every email delivered");
                Set<Long> twice = new TreeSet<>();
                received.forEach((id, copies) -> {
                    if (copies > 1) {
                        twice.add(id);
                    }
                });
                assertEquals(heldByServer, twice, "only the email held at the server arrived twice");
                assertEquals(heldByServer, ids("SELECT id FROM outbox_message WHERE id > ? AND redelivered", before),
                        "redelivered marks exactly the emails whose SMTP talk had begun: the ones that arrived twice");
                for (long quiet : claimedQuiet) {
                    assertEquals(1, received.get(quiet), "taken over before any SMTP talk: sent once");
                    assertTrue(Sql.queryForText("SELECT error FROM outbox_attempt WHERE message_id = ? AND outcome = "
                            + "'INTERRUPTED'", quiet).contains("やり取りを始める前"));
                }
                assertEquals(FAMILIES, families(smtp.getReceivedMessages(), batch).size(), "no family left out");
            }
        } finally {
            callers.shutdownNow();
            smtp.stop();
            SchedulesCopy.delete(schedules);
            if (batch != null) {
                try (Connection connection = Sql.connect()) {
                    GeneratedLoans.remove(connection, batch);
                }
            }
        }
    }

    /** The reviewed policy with family emails due at once, small batches, the shortest lease; sending only when asked. */
    private static void writeSchedules(Path schedules) throws Exception {
        String reminders = Files.readString(Path.of("schedules/reminders.yml"), StandardCharsets.UTF_8)
                .replace("family-at: \"09:00\"", "family-at: \"00:00\"").replace("staff-at: \"08:30\"", "staff-at: \"00:00\"")
                .replaceAll("batch-size: \\d+", "batch-size: 10").replaceAll("lease: \\w+", "lease: 30s");
        Files.writeString(schedules.resolve("reminders.yml"), reminders, StandardCharsets.UTF_8);
        Files.writeString(schedules.resolve("jobs.yml"), """
                jobs:
                  reminder-sweep:
                    cron: "0 0 0 1 1 ? 2099"
                  test-run-reminders:
                    cron: "0 0 0 1 1 ? 2099"
                  outbox-delivery:
                    cron: "0 0 0 1 1 ? 2099"
                  loan-returns-sweep:
                    enabled: false
                    cron: "0 10 0 * * ?"
                  exposure-and-place-sweep:
                    cron: "0 */5 * * * ?"
                  disaster-declaration-run-out:
                    cron: "0 * * * * ?"
                  finished-session-cleanup:
                    cron: "0 40 3 * * ?"
                """, StandardCharsets.UTF_8);
    }

    /** Running loans whose plan application is due within a week of today (in Japan). */
    private static GeneratedLoans.Batch dueFamilies() throws Exception {
        LocalDate target = LocalDate.now(JapanTime.ZONE).plusDays(5);
        try (Connection connection = Sql.connect()) {
            return GeneratedLoans.create(connection, "killed-send-" + System.nanoTime() % 1_000_000, FAMILIES,
                    target.minusMonths(6), 0, 1, true);
        }
    }

    /** The leases of the killed instance's emails have run out (the database's clock is the instances'). */
    private static void awaitLeasesRunOut(long after) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (Sql.queryForLong("SELECT count(*) FROM outbox_message WHERE id > ? AND state = 'SENDING' "
                + "AND lease_until >= now()", after) > 0) {
            assertTrue(System.nanoTime() < deadline, "the leases never ran out");
            Thread.sleep(500);
        }
    }

    /** How many copies of each outbox message the server received (the header is the same on every attempt). */
    private static Map<Long, Integer> outboxIds(MimeMessage[] messages) throws Exception {
        Map<Long, Integer> copies = new HashMap<>();
        for (MimeMessage message : messages) {
            String[] id = message.getHeader("X-Inochi-Outbox-Id");
            if (id != null) {
                copies.merge(Long.parseLong(id[0]), 1, Integer::sum);
            }
        }
        return copies;
    }

    private static Set<String> families(MimeMessage[] messages, GeneratedLoans.Batch batch) throws Exception {
        Set<String> to = new HashSet<>();
        for (MimeMessage message : messages) {
            String address = message.getRecipients(Message.RecipientType.TO)[0].toString();
            if (address.startsWith(batch.tag() + "-")) {
                to.add(address);
            }
        }
        return to;
    }

    private static Set<Long> ids(String sql, long after) throws Exception {
        Set<Long> ids = new TreeSet<>();
        try (Connection connection = Sql.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, after);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }
}
