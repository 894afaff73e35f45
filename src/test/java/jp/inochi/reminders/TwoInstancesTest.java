package jp.inochi.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.inochi.testsupport.SchedulesCopy;
import jp.inochi.access.AppUser;
import jp.inochi.access.Role;
import jp.inochi.loans.model.Obligation;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.reminders.model.Recipient;
import jp.inochi.reminders.model.ReminderPolicy;
import jp.inochi.reminders.model.ReminderRule;
import jp.inochi.testsupport.GeneratedLoans;
import jp.inochi.testsupport.ServiceProcess;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.quartz.JobKey;
import org.quartz.Scheduler;

/**
 * Acceptance, with two real service processes on the same database, clustered through Quartz's JDBC store, sending
 * to a real SMTP server: both sweep and send for the same 1,000 due loans and every reminder goes out exactly once;
 * then the instance running the sweep is killed (SIGKILL) in the middle of it, and the other finishes: nothing lost,
 * nothing doubled.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {
    private static final int LOANS = 1000;
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final List<GeneratedLoans.Batch> batches = new ArrayList<>();
    private ServiceProcess nodeA;
    private ServiceProcess nodeB;
    private final Map<ServiceProcess, String> tokens = new HashMap<>();

    private Path schedules;

    @Inject
    TestLogins logins;

    @Inject
    ReminderPolicy policy;

    @Inject
    Scheduler scheduler;

    @BeforeAll
    void startTwoInstances() throws Exception {
        smtp.start();
        schedules = SchedulesCopy.ofAll();
        // The reviewed policy, with what a test needs: digests at once (not at 09:00), small sweep chunks, a short lease,
        // the delivery every 2 s, and the sweep only when the test fires it.
        String reminders = Files.readString(Path.of("schedules/reminders.yml"), StandardCharsets.UTF_8)
                .replace("family-at: \"09:00\"", "family-at: \"00:00\"").replace("staff-at: \"08:30\"", "staff-at: \"00:00\"")
                .replaceAll("chunk-size: \\d+", "chunk-size: 100").replaceAll("lease: \\w+", "lease: 30s");
        Files.writeString(schedules.resolve("reminders.yml"), reminders, StandardCharsets.UTF_8);
        Files.writeString(schedules.resolve("jobs.yml"), """
                jobs:
                  reminder-sweep:
                    cron: "0 0 0 1 1 ? 2099"
                  test-run-reminders:
                    cron: "0 0 0 1 1 ? 2099"
                  outbox-delivery:
                    cron: "0/2 * * * * ?"
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
        Map<String, String> settings = ServiceProcess.sharedSettings(schedules, smtp.getSmtp().getPort());
        nodeA = ServiceProcess.start("node-a", settings);
        nodeB = ServiceProcess.start("node-b", settings);
        nodeA.awaitHealthy(Duration.ofSeconds(90));
        nodeB.awaitHealthy(Duration.ofSeconds(90));
        AppUser admin = logins.user(Role.CENTER_ADMIN);
        // One token for both: the instances share INOCHI_JWT_SECRET, so either accepts what the other signed.
        String token = nodeA.token(admin.username(), TestLogins.PASSWORD);
        tokens.put(nodeA, token);
        tokens.put(nodeB, token);
    }

    @AfterAll
    void stop() throws Exception {
        for (ServiceProcess node : new ServiceProcess[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        smtp.stop();
        SchedulesCopy.delete(schedules);
        try (Connection connection = Sql.connect()) {
            for (GeneratedLoans.Batch batch : batches) {
                GeneratedLoans.remove(connection, batch);
            }
        }
    }

    /** 1,000 running loans whose plan application is due within a week of today (in Japan). */
    private GeneratedLoans.Batch dueLoans(String tag) throws Exception {
        LocalDate target = LocalDate.now(JapanTime.ZONE).plusDays(5);
        LocalDate start = target.minusMonths(6);
        try (Connection connection = Sql.connect()) {
            GeneratedLoans.Batch batch = GeneratedLoans.create(connection, tag + "-" + System.nanoTime() % 1_000_000, LOANS,
                    start, 0, 1, true);
            batches.add(batch);
            return batch;
        }
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

    private long count(String sql, GeneratedLoans.Batch batch) throws Exception {
        return Sql.queryForLong(sql, batch.firstHouseholdId(), batch.lastHouseholdId());
    }

    private void awaitAllSent(GeneratedLoans.Batch batch) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (count("SELECT count(*) FROM outbox_message WHERE household_id BETWEEN ? AND ? AND state = 'SENT'", batch) < LOANS
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
    }

    private void assertEveryReminderSentExactlyOnce(GeneratedLoans.Batch batch) throws Exception {
        assertEquals(LOANS, count("SELECT count(*) FROM reminder WHERE household_id BETWEEN ? AND ? AND recipient = 'FAMILY'",
                batch), "one reminder per loan");
        assertEquals(LOANS, count("SELECT count(*) FROM reminder WHERE household_id BETWEEN ? AND ? AND state = 'SENT'", batch));
        assertEquals(LOANS, count("SELECT count(*) FROM outbox_message WHERE household_id BETWEEN ? AND ? AND state = 'SENT'",
                batch), "one digest per family");
        Map<String, Integer> counts = received(batch);
        assertEquals(LOANS, counts.size(), "no family left out");
        List<String> doubled = counts.entrySet().stream().filter(e -> e.getValue() != 1).map(Map.Entry::getKey).toList();
        assertEquals(List.of(), doubled, "no family emailed twice");
    }

    @Test
    @Order(1)
    void twoInstancesSweepingAndSendingForTheSame1000LoansSendEachReminderExactlyOnce() throws Exception {
        GeneratedLoans.Batch batch = dueLoans("pair");
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpResponse<String>>> sweeps = new ArrayList<>();
            for (ServiceProcess node : List.of(nodeA, nodeB, nodeA, nodeB)) {
                sweeps.add(callers.submit(() -> node.post("/api/reminders/sweep", tokens.get(node))));
            }
            for (Future<HttpResponse<String>> sweep : sweeps) {
                assertEquals(200, sweep.get().statusCode(), sweep.get().body());
            }
            // both instances drain the outbox at once (besides the 2-second job, which runs on either)
            List<Future<HttpResponse<String>>> deliveries = new ArrayList<>();
            for (ServiceProcess node : List.of(nodeA, nodeB, nodeA, nodeB)) {
                deliveries.add(callers.submit(() -> node.post("/api/outbox/deliver", tokens.get(node))));
            }
            for (Future<HttpResponse<String>> delivery : deliveries) {
                assertEquals(200, delivery.get().statusCode(), delivery.get().body());
            }
        } finally {
            callers.shutdownNow();
        }
        awaitAllSent(batch);
        assertEveryReminderSentExactlyOnce(batch);
        assertEquals(LOANS, count("SELECT count(*) FROM outbox_attempt a JOIN outbox_message m ON m.id = a.message_id "
                + "WHERE m.household_id BETWEEN ? AND ?", batch), "one attempt per message: no message was claimed twice");
        assertEquals(2, count("SELECT count(DISTINCT a.instance) FROM outbox_attempt a JOIN outbox_message m "
                + "ON m.id = a.message_id WHERE m.household_id BETWEEN ? AND ?", batch), "both instances sent");
    }

    @Test
    @Order(2)
    void theInstanceKilledInTheMiddleOfTheSweepLeavesItToTheOtherAndNothingIsLostOrDoubled() throws Exception {
        GeneratedLoans.Batch batch = dueLoans("killed");
        long middleLoan = batch.firstLoanId() + LOANS / 2;
        try (Connection blocker = Sql.connect()) {
            // Hold the unique key of the middle loan's reminder in an open transaction: the sweep's chunk that reaches it
            // waits there, after the chunks before it have committed. That is the middle of the sweep, made certain.
            blocker.setAutoCommit(false);
            holdReminderKey(blocker, middleLoan);

            scheduler.triggerJob(new JobKey("reminder-sweep", "inochi"));
            String runner = awaitSweepBlocked(batch);
            long before = count("SELECT count(*) FROM reminder WHERE household_id BETWEEN ? AND ?", batch);
            assertTrue(before > 0 && before < LOANS, "killed mid-sweep: " + before + " of " + LOANS + " written");

            ServiceProcess killed = runner.equals(nodeA.name()) ? nodeA : nodeB;
            ServiceProcess survivor = killed == nodeA ? nodeB : nodeA;
            killed.kill();
            blocker.rollback();

            awaitAllSent(batch);
            assertTrue(survivor.isAlive());
            assertEveryReminderSentExactlyOnce(batch);
            assertEquals(LOANS, count("SELECT count(*) FROM reminder WHERE household_id BETWEEN ? AND ? "
                    + "AND swept_on IS NOT NULL", batch));
            assertTrue(Sql.queryForLong("SELECT count(*) FROM qrtz_scheduler_state WHERE sched_name = 'inochi' "
                    + "AND instance_name = ?", killed.name()) == 0, "the survivor recovered the dead instance's work");
        }
    }

    /** Inserts, without committing, the reminder the sweep will write for this loan today. */
    private void holdReminderKey(Connection connection, long loanId) throws Exception {
        LocalDate due;
        long householdId;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT plan_deadline, household_id FROM loan WHERE id = ?")) {
            query.setLong(1, loanId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                due = rows.getObject(1, LocalDate.class);
                householdId = rows.getLong(2);
            }
        }
        LocalDate today = LocalDate.now(JapanTime.ZONE);
        ReminderRule rule = policy.dueOn(today, Obligation.EVACUATION_PLAN_APPLICATION, Recipient.FAMILY, due).orElseThrow();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO reminder (loan_id, household_id, obligation, rule_id, due_on, recipient, offset_days, send_on,
                                      swept_on, state, created_at, updated_at)
                VALUES (?, ?, 'EVACUATION_PLAN_APPLICATION', ?, ?, 'FAMILY', ?, ?, ?, 'PENDING', now(), now())""")) {
            insert.setLong(1, loanId);
            insert.setLong(2, householdId);
            insert.setString(3, rule.id());
            insert.setObject(4, due);
            insert.setInt(5, rule.offsetDays());
            insert.setObject(6, rule.sendOn(due));
            insert.setObject(7, today);
            insert.executeUpdate();
        }
    }

    /** Waits until a sweep fired through Quartz is waiting on the held key; the instance running it. */
    private String awaitSweepBlocked(GeneratedLoans.Batch batch) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            long waiting = Sql.queryForLong("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    + "AND query LIKE '%WITH rule AS%'");  // the sweep's insert (the view shows the statement's start only)
            if (waiting > 0) {
                return Sql.queryForText("SELECT instance_name FROM qrtz_fired_triggers WHERE sched_name = 'inochi' "
                        + "AND job_name = 'reminder-sweep' AND state = 'EXECUTING'");
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the sweep never reached the held reminder: reminders of the batch "
                + count("SELECT count(*) FROM reminder WHERE household_id BETWEEN ? AND ?", batch) + ", triggers "
                + Sql.queryForLong("SELECT count(*) FROM qrtz_triggers WHERE job_name = 'reminder-sweep'") + ", fired "
                + Sql.queryForLong("SELECT count(*) FROM qrtz_fired_triggers WHERE job_name = 'reminder-sweep'") + ", waiting "
                + Sql.queryForLong("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"));
    }
}
