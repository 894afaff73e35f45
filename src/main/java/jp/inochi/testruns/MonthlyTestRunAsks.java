package jp.inochi.testruns;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import jp.inochi.audit.AuditAction;
import jp.inochi.audit.AuditLog;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.reminders.model.Recipient;
import jp.inochi.reminders.outbox.Jdbc;
import jp.inochi.reminders.outbox.Outbox;
import jp.inochi.testruns.model.TestRunPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monthly test-run reminder: once the month's send day (schedules/test-runs.yml) has come, every running loan
 * (ACTIVE: a return not yet opened) whose family agreed to email and has an address gets the month's
 * {@code test_run} row and its email in the outbox, in one transaction. The row's unique (loan, month) makes a re-run
 * or a second instance ask nobody twice.
 */
@Singleton
public class MonthlyTestRunAsks {
    private static final Logger LOG = LoggerFactory.getLogger(MonthlyTestRunAsks.class);

    private final TransactionOperations<Connection> transactions;
    private final TestRunPolicy policy;
    private final Outbox outbox;
    private final AuditLog auditLog;

    MonthlyTestRunAsks(TransactionOperations<Connection> transactions, TestRunPolicy policy, Outbox outbox,
                       AuditLog auditLog) {
        this.transactions = transactions;
        this.policy = policy;
        this.outbox = outbox;
        this.auditLog = auditLog;
    }

    /** What one run did: the month it asked about (null before the send day) and how many families it asked. */
    @Serdeable
    public record AskReport(LocalDate day, YearMonth month, int asked) {
    }

    /** Asks, as of {@code at}, the families not yet asked this month. */
    public AskReport run(Instant at) {
        LocalDate today = LocalDate.ofInstant(at, JapanTime.ZONE);
        YearMonth month = policy.monthToAsk(today).orElse(null);
        if (month == null) {
            return new AskReport(today, null, 0);
        }
        int asked = transactions.executeWrite(status -> ask(status.getConnection(), month, at));
        if (asked > 0) {
            LOG.info("Monthly test run {}: {} families asked", month, asked);
        }
        return new AskReport(today, month, asked);
    }

    private int ask(Connection connection, YearMonth month, Instant at) {
        String sql = """
                INSERT INTO test_run (loan_id, household_id, device_id, asked_month, asked_at)
                SELECT l.id, l.household_id, l.device_id, ?, ?
                FROM loan l JOIN household h ON h.id = l.household_id
                WHERE l.state = 'ACTIVE' AND l.start_date < ? AND h.email_contact_consent
                  AND EXISTS (SELECT 1 FROM guardian g WHERE g.household_id = h.id
                              AND g.email IS NOT NULL AND btrim(g.email) <> '')
                ON CONFLICT (loan_id, asked_month) DO NOTHING
                RETURNING id, household_id""";
        int asked = 0;
        try (PreparedStatement insert = Jdbc.prepare(connection, sql, month.atDay(1), at, policy.sendOn(month));
             ResultSet rows = insert.executeQuery()) {
            while (rows.next()) {
                long testRunId = rows.getLong(1);
                long householdId = rows.getLong(2);
                outbox.enqueue(new Outbox.NewMessage(TestRunMail.KIND, "test-run:" + testRunId, Recipient.FAMILY,
                        householdId, testRunId, null, policy.notBefore(month)));
                auditLog.system(AuditAction.CREATE, "test-run-reminders", "test_run", testRunId, householdId,
                        "monthly test run asked for " + month);
                asked++;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not ask the test runs of " + month + ": " + e.getSQLState(), e);
        }
        return asked;
    }
}
