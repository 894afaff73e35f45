package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditAction;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.disasters.model.EventTimesPolicy;
import jp.inochi.disasters.model.PowerAutonomy;
import jp.inochi.disasters.model.PowerSourceKind;
import jp.inochi.households.HouseholdDirectory;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.platform.time.JapanTime;

/**
 * A household's power without mains electricity: the other sources staff record (a car that can supply power...) and
 * the autonomy in hours by {@link PowerAutonomy}, flagged under 72 hours and under the outage expected by any running
 * event that covers the household. Reads are scoped and audited like every household read.
 */
@Singleton
@SerdeImport(PowerAutonomy.class)
@SerdeImport(PowerAutonomy.Generator.class)
public class HouseholdPower {
    static final int MAX_SOURCES = 10;

    private final HouseholdDirectory directory;
    private final TransactionOperations<Connection> transactions;
    private final AuditLog auditLog;
    private final Clock clock;

    HouseholdPower(HouseholdDirectory directory, TransactionOperations<Connection> transactions, AuditLog auditLog,
                   Clock clock) {
        this.directory = directory;
        this.transactions = transactions;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Serdeable
    public record Source(long id, PowerSourceKind kind, @Nullable String description, BigDecimal hours,
                         LocalDate recordedOn) {
    }

    @Serdeable
    public record NewSource(PowerSourceKind kind, @Nullable String description, BigDecimal hours) {
    }

    /** A running event's outage where the household lives, and what it means for the family. */
    @Serdeable
    public record EventOutage(long eventId, String eventName, @Nullable Double expectedOutageHours,
                              @Nullable Instant expectedRestorationAt, BigDecimal remainingHours,
                              List<PowerAutonomy.Flag> flags) {
    }

    @Serdeable
    public record Autonomy(long householdId, PowerAutonomy autonomy, @Nullable PowerAutonomy.Generator generator,
                           List<Source> sources, List<PowerAutonomy.Flag> flags, List<EventOutage> events) {
    }

    public List<Source> sources(Viewer viewer, long householdId, String resource) {
        var visible = directory.find(viewer, householdId).orElseThrow(() -> new NotFoundException("世帯"));
        List<Source> sources = transactions.executeRead(status -> sources(status.getConnection(), householdId));
        auditLog.householdsRead(viewer, resource, List.of(new HouseholdAccess(householdId, visible.basis())));
        return sources;
    }

    /** Replaces the household's other power sources with these (center staff), audited as a change. */
    public List<Source> replace(Viewer viewer, long householdId, List<NewSource> sources, String resource) {
        directory.find(viewer, householdId).orElseThrow(() -> new NotFoundException("世帯"));
        List<FieldError> errors = new ArrayList<>();
        if (sources.size() > MAX_SOURCES) {
            errors.add(new FieldError("sources", "ほかの電源は" + MAX_SOURCES + "件までです"));
        }
        for (int i = 0; i < sources.size(); i++) {
            NewSource source = sources.get(i);
            if (source.kind() == null) {
                errors.add(new FieldError("sources[" + i + "].kind", "電源の種類を選んでください"));
            }
            if (source.hours() == null || source.hours().signum() <= 0 || source.hours().compareTo(new BigDecimal("2000")) > 0) {
                errors.add(new FieldError("sources[" + i + "].hours", "人工呼吸器を動かせる時間は0より大きく2000時間以下で入力してください"));
            }
            if (source.description() != null && source.description().length() > 200) {
                errors.add(new FieldError("sources[" + i + "].description", "説明は200文字以内で入力してください"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = clock.instant();
        LocalDate today = JapanTime.today(clock);
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM household_power_source WHERE household_id = ?")) {
                delete.setLong(1, householdId);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO household_power_source (household_id, kind, description, hours, recorded_on, recorded_by, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                for (NewSource source : sources) {
                    insert.setLong(1, householdId);
                    insert.setString(2, source.kind().name());
                    insert.setString(3, source.description() == null || source.description().isBlank() ? null
                            : source.description().strip());
                    insert.setBigDecimal(4, source.hours());
                    insert.setObject(5, today);
                    insert.setLong(6, viewer.userId());
                    insert.setTimestamp(7, Timestamp.from(now));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            auditLog.changed(viewer, AuditAction.UPDATE, resource, "household", householdId, householdId,
                    "ほかの電源 " + sources.size() + "件");
            return sources(connection, householdId);
        });
    }

    public Autonomy autonomy(Viewer viewer, long householdId, String resource) {
        var visible = directory.find(viewer, householdId).orElseThrow(() -> new NotFoundException("世帯"));
        Autonomy autonomy = autonomy(visible);
        auditLog.householdsRead(viewer, resource, List.of(new HouseholdAccess(householdId, visible.basis())));
        return autonomy;
    }

    /**
     * The same, scoped, for a caller that audits the read it belongs to (the evacuation plan): one read of a
     * household writes one audit entry.
     */
    public Autonomy autonomyWithoutAudit(Viewer viewer, long householdId) {
        return autonomy(directory.find(viewer, householdId).orElseThrow(() -> new NotFoundException("世帯")));
    }

    private Autonomy autonomy(HouseholdDirectory.VisibleHousehold visible) {
        long householdId = visible.household().id();
        Instant now = clock.instant();
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            List<Source> sources = sources(connection, householdId);
            PowerAutonomy.Generator generator = generator(connection, householdId);
            var household = visible.household();
            PowerAutonomy result = PowerAutonomy.of(new PowerAutonomy.Inputs(household.ventilatorBatteryHours(),
                    household.spareBatteryCount(), household.spareBatteryHoursEach(), generator,
                    sources.stream().map(Source::hours).toList()));
            List<EventOutage> events = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT e.id, e.name, e.starts_at, e.outage_started_at,
                           coalesce(r.expected_at, e.expected_restoration_at)
                    FROM disaster_event_household eh JOIN disaster_event e ON e.id = eh.event_id AND e.state = 'ACTIVE'
                    JOIN household h ON h.id = eh.household_id
                    LEFT JOIN disaster_event_restoration r ON r.event_id = e.id AND r.municipality_code = h.municipality_code
                    WHERE eh.household_id = ? ORDER BY e.starts_at DESC, e.id DESC""")) {
                select.setLong(1, householdId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        Instant starts = row.getTimestamp(3).toInstant();
                        Instant outage = row.getTimestamp(4) == null ? null : row.getTimestamp(4).toInstant();
                        Instant restoration = row.getTimestamp(5) == null ? null : row.getTimestamp(5).toInstant();
                        Double expected = EventTimesPolicy.expectedOutageHours(starts, outage, restoration);
                        double hoursOut = outage == null || now.isBefore(outage) ? 0
                                : java.time.Duration.between(outage, now).toSeconds() / 3600.0;
                        events.add(new EventOutage(row.getLong(1), row.getString(2), expected, restoration,
                                result.remainingAfter(BigDecimal.valueOf(hoursOut)),
                                result.flags(expected == null ? null : BigDecimal.valueOf(expected))));
                    }
                }
            }
            return new Autonomy(householdId, result, generator, sources, result.flags(null), events);
        });
    }

    private static PowerAutonomy.Generator generator(Connection connection, long householdId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT runtime_hours_per_tank, tank_litres, fuel_stored_litres, fuel_recorded_on
                FROM household_generator_fuel WHERE household_id = ? ORDER BY loan_id DESC LIMIT 1""")) {
            select.setLong(1, householdId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new PowerAutonomy.Generator(row.getBigDecimal(1), row.getBigDecimal(2),
                        row.getBigDecimal(3), row.getObject(4, LocalDate.class)) : null;
            }
        }
    }

    private static List<Source> sources(Connection connection, long householdId) throws SQLException {
        List<Source> sources = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, kind, description, hours, recorded_on FROM household_power_source
                WHERE household_id = ? ORDER BY id""")) {
            select.setLong(1, householdId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    sources.add(new Source(row.getLong(1), PowerSourceKind.valueOf(row.getString(2)), row.getString(3),
                            row.getBigDecimal(4), row.getObject(5, LocalDate.class)));
                }
            }
        }
        return sources;
    }
}
