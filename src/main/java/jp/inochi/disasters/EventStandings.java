package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.AccessScope;
import jp.inochi.disasters.model.CallOrder;
import jp.inochi.disasters.model.Reply;
import jp.inochi.disasters.model.SafetyStatus;

/**
 * Where each household of an event stands for the call sheet: only what {@link CallOrder} and the sheet's filters
 * look at, read for every household the viewer may see, so the sheet can rank and filter them all and read the full
 * rows ({@link EventHouseholds#rowsOf}) of the 50 it shows. Not personal data on its own; nothing here is shown.
 */
@Singleton
class EventStandings {
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    EventStandings(TransactionOperations<Connection> transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One household's place: its rank inputs, its municipality, its power left now and where its safety check stands. */
    record Standing(long id, AccessBasis basis, @Nullable String municipalityCode, boolean ventilator,
                    BigDecimal remainingHours, SafetyStatus status, SafetyStatus.Email email,
                    CallOrder.Position position) {
    }

    /** The standings' SQL: {@link EventHouseholds#SCOPED} for all the event's households, with the order's inputs. */
    static final String QUERY = EventHouseholds.SCOPED.formatted("") + """
            SELECT h.id, h.basis, h.municipality_code, h.ventilator_dependent, h.ventilator_hours_per_day,
                   h.ventilator_off_minutes_per_day, h.ventilator_battery_hours, h.spare_battery_count,
                   h.spare_battery_hours_each, g.runtime_hours_per_tank, g.tank_litres, g.fuel_stored_litres,
                   g.fuel_recorded_on, op.hours, hz.relative, sc.email_state, sc.reply_due_at, lr.reply
            FROM visible h
            JOIN ev ON true
            LEFT JOIN household_generator_fuel g ON g.household_id = h.id
            LEFT JOIN other_power op ON op.household_id = h.id
            LEFT JOIN hazard hz ON hz.household_id = h.id
            LEFT JOIN safety_check sc ON sc.event_id = ev.id AND sc.household_id = h.id
            LEFT JOIN replied lr ON lr.household_id = h.id
            WHERE h.basis IS NOT NULL""";

    /** Every household of the event the scope may see, first to call first. */
    List<Standing> inCallOrder(DisasterEvent event, AccessScope scope) {
        Instant now = clock.instant();
        BigDecimal hoursOut = BigDecimal.valueOf(event.hoursWithoutPower(now));
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            List<Standing> standings = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(QUERY)) {
                select.setLong(1, event.id());
                int i = scope.bind(select, 2);
                select.setArray(i, connection.createArrayOf("text", EventHouseholds.threats(event,
                        EventHouseholds.areaHazard(connection, event)).stream().map(Enum::name).toArray()));
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        standings.add(standing(row, hoursOut, now));
                    }
                }
            }
            return CallOrder.inOrder(standings, Standing::position);
        });
    }

    private static Standing standing(ResultSet row, BigDecimal hoursOut, Instant now) throws SQLException {
        long id = row.getLong(1);
        BigDecimal remaining = EventHouseholds.autonomy(row, 7, 10, 14).remainingAfter(hoursOut);
        Double hazard = (Double) row.getObject(15);
        String emailState = row.getString(16);
        SafetyStatus.Email email = emailState == null ? SafetyStatus.Email.NONE : SafetyStatus.Email.valueOf(emailState);
        Timestamp due = row.getTimestamp(17);
        Reply reply = row.getString(18) == null ? null : Reply.valueOf(row.getString(18));
        SafetyStatus status = SafetyStatus.of(new SafetyStatus.Facts(reply, email, due == null ? null : due.toInstant()), now);
        boolean ventilator = row.getBoolean(4);
        return new Standing(id, AccessBasis.valueOf(row.getString(2)), row.getString(3), ventilator, remaining, status,
                email, new CallOrder.Position(id, ventilator, row.getBigDecimal(5), (Integer) row.getObject(6), remaining,
                hazard));
    }
}
