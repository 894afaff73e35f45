package jp.inochi.access.probe;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.reminders.ReminderSweep;
import jp.inochi.reminders.links.SignedLinks;
import jp.inochi.testsupport.ProbeFixture;

/**
 * Gives a 熊本市 family a reminder, its outbox message and a family report (as if the family pressed the link in the
 * email), so the probe tries the outbox and family-report endpoints with their ids.
 */
@Singleton
class ReminderProbeFixture implements ProbeFixture {

    /** An obligation the family can report on, and when it falls due. */
    private record Due(String obligation, LocalDate on) {
    }

    @Override
    @SuppressWarnings("unchecked")
    public void addRowsFor(ApplicationContext service, List<Long> householdIds) throws Exception {
        TransactionOperations<Connection> transactions = service.getBean(TransactionOperations.class);
        Optional<Due> due = transactions.executeRead(status -> {
            try (var statement = status.getConnection().prepareStatement("""
                    SELECT o.obligation, o.due_on FROM loan_obligation o
                     WHERE o.household_id = ANY (?) AND o.obligation IN ('EVACUATION_PLAN', 'YEARLY_CHECK')
                     ORDER BY o.due_on, o.loan_id LIMIT 1""")) {
                statement.setArray(1, ids(status.getConnection(), householdIds));
                var rows = statement.executeQuery();
                return rows.next() ? Optional.of(new Due(rows.getString(1), rows.getDate(2).toLocalDate())) : Optional.empty();
            }
        });
        if (due.isEmpty()) {
            return;
        }
        // A sweep a week before the due date, at the family digest's hour, writes the reminder and its email.
        service.getBean(ReminderSweep.class).run(ZonedDateTime.of(due.get().on().minusDays(7), LocalTime.of(9, 0),
                JapanTime.ZONE).toInstant());
        Optional<Long> reminder = transactions.executeRead(status -> {
            try (var statement = status.getConnection().prepareStatement(
                    "SELECT id FROM reminder WHERE household_id = ANY (?) AND obligation = ? ORDER BY id LIMIT 1")) {
                statement.setArray(1, ids(status.getConnection(), householdIds));
                statement.setString(2, due.get().obligation());
                var rows = statement.executeQuery();
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        });
        if (reminder.isEmpty()) {
            return;
        }
        SignedLinks links = service.getBean(SignedLinks.class);
        String action = due.get().obligation().equals("EVACUATION_PLAN") ? "plan-applied" : "check-schedule";
        String token = links.token(action, reminder.get(), service.getBean(Clock.class).instant().plus(Duration.ofDays(30)));
        links.use(links.verify(token), "プローブ用の報告");
    }

    private static Array ids(Connection connection, List<Long> householdIds) throws Exception {
        return connection.createArrayOf("bigint", householdIds.toArray());
    }
}
