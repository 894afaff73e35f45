package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.AccessScope;
import jp.inochi.disasters.model.CallOrder;
import jp.inochi.platform.database.ReadsAside;
import jp.inochi.disasters.model.ContactMethod;
import jp.inochi.disasters.model.ContactOutcome;
import jp.inochi.disasters.model.EventTimesPolicy;
import jp.inochi.disasters.model.PowerAutonomy;
import jp.inochi.disasters.model.Reply;
import jp.inochi.disasters.model.SafetyStatus;
import jp.inochi.disasters.model.ShelterReach;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.atrisk.AtRiskHousehold;
import jp.inochi.atrisk.AtRiskList;

/**
 * The households of an event that a person may see, each with what the disaster day needs: contacts, power autonomy
 * and what is left of it, the worst hazard at home for the event's hazards, the 個別避難計画 status, the coordinator,
 * the shelters within reach outside the hazard ({@link SheltersInReach}), and where the safety check stands. One scoped query
 * ({@code household_access_basis} in SQL) feeds the call list, the unreached list, the dashboard, the map and the
 * record; the order is {@link CallOrder}. Callers audit what they show.
 */
@Singleton
public class EventHouseholds {
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final ShelterReach reach;
    private final EventSafeShelters safeShelters;
    private final ReadsAside aside;

    EventHouseholds(TransactionOperations<Connection> transactions, Clock clock, ShelterReachSettings shelters,
                    EventSafeShelters safeShelters, ReadsAside aside) {
        this.transactions = transactions;
        this.clock = clock;
        this.reach = shelters.reach();
        this.safeShelters = safeShelters;
        this.aside = aside;
    }

    /** How far the lists look for shelters. */
    public ShelterReach shelterReach() {
        return reach;
    }

    /** What to read besides the rows themselves. */
    public record Include(boolean guardians, boolean shelters) {
        public static final Include ALL = new Include(true, true);
        public static final Include STATUS_ONLY = new Include(false, false);
        static final Include GUARDIANS = new Include(true, false);
    }

    public record Guardian(String name, @Nullable String relationship, @Nullable String phone, @Nullable String email) {
    }

    public record Coordinator(long id, String name, @Nullable String organisation, @Nullable String phone,
                              @Nullable String email, boolean assigned) {
    }

    public record Hazard(HazardType type, int severity, String label, double relative) {
    }

    public record Shelter(long id, String name, @Nullable String address, @Nullable String municipalityCode,
                          boolean welfareCandidate, long distanceM) {
    }

    /** Where the safety check stands for the family. */
    public record Safety(SafetyStatus status, SafetyStatus.Email email, @Nullable Instant replyDueAt,
                         @Nullable Instant emailSentAt, @Nullable Reply reply, @Nullable String replyDetail,
                         @Nullable Instant repliedAt, @Nullable ContactMethod replyMethod, int attempts,
                         @Nullable ContactOutcome lastAttempt, @Nullable Instant lastAttemptAt) {
    }

    /** The family's power: the rule's result, what is left now, the expected outage where it lives, the flags. */
    public record Power(PowerAutonomy autonomy, BigDecimal remainingHours, @Nullable Double expectedOutageHours,
                        @Nullable Instant expectedRestorationAt, List<PowerAutonomy.Flag> flags,
                        @Nullable LocalDate fuelRecordedOn, @Nullable Integer generatorWatts) {
    }

    /** One household of the event as the viewer may see it. */
    public record Row(long id, AccessBasis basis, String childFamilyName, String childGivenName,
                      String childFamilyNameKana, String childGivenNameKana, String address,
                      @Nullable String municipalityCode, @Nullable String wardCode, @Nullable Double longitude,
                      @Nullable Double latitude, boolean ventilator, @Nullable BigDecimal ventilatorHoursPerDay,
                      @Nullable Integer ventilatorOffMinutesPerDay, @Nullable String otherCare, String includedBecause, @Nullable Hazard hazard, Power power,
                      AtRiskHousehold.EvacuationPlan plan, @Nullable Coordinator coordinator, Safety safety,
                      List<Guardian> guardians, List<Shelter> shelters) {

        CallOrder.Position position() {
            return new CallOrder.Position(id, ventilator, ventilatorHoursPerDay, ventilatorOffMinutesPerDay,
                    power.remainingHours(), hazard == null ? null : hazard.relative());
        }

        Row with(List<Guardian> contacts, List<Shelter> nearest) {
            return new Row(id, basis, childFamilyName, childGivenName, childFamilyNameKana, childGivenNameKana, address,
                    municipalityCode, wardCode, longitude, latitude, ventilator, ventilatorHoursPerDay,
                    ventilatorOffMinutesPerDay, otherCare,
                    includedBecause, hazard, power, plan, coordinator, safety, contacts, nearest);
        }
    }

    /** The hazard types that count at home in this event: the event type's, and the area layer's. */
    static List<HazardType> threats(DisasterEvent event, @Nullable HazardType areaHazard) {
        Set<HazardType> types = new LinkedHashSet<>(event.eventType().threats());
        if (areaHazard != null) {
            types.add(areaHazard);
        }
        return List.copyOf(types);
    }

    /** The event's households visible in the scope, first to call first. */
    public List<Row> rows(DisasterEvent event, AccessScope scope, Include include) {
        Instant now = clock.instant();
        if (include.shelters()) {
            safeShelters.ensureCurrent(event);
        }
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            List<Row> rows = CallOrder.inOrder(query(connection, event, scope,
                    threats(event, areaHazard(connection, event)), now, null), Row::position);
            if (!include.guardians() && !include.shelters()) {
                return rows;
            }
            return complete(connection, event, rows, include);
        });
    }

    /**
     * The full rows, contacts and shelters included, of the given households (a page of the call sheet, picked from
     * {@link EventStandings}), in the order given; a household the viewer may no longer see is left out.
     */
    public List<Row> rowsOf(DisasterEvent event, AccessScope scope, List<Long> ids) {
        Instant now = clock.instant();
        safeShelters.ensureCurrent(event);
        // the shelters' search needs only the ids, and takes as long as the rows' read: the two run side by side
        ReadsAside.Pending<Map<Long, List<Shelter>>> shelters = aside.start(() -> transactions.executeRead(
                status -> SheltersInReach.of(status.getConnection(), event.id(), ids, reach)));
        List<Row> rows = transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            return complete(connection, event, query(connection, event, scope,
                    threats(event, areaHazard(connection, event)), now, ids), Include.GUARDIANS);
        });
        Map<Long, List<Shelter>> reachable = shelters.get();
        Map<Long, Row> read = new HashMap<>();
        for (Row row : rows) {
            read.put(row.id(), row.with(row.guardians(), reachable.getOrDefault(row.id(), List.of())));
        }
        return ids.stream().map(read::get).filter(java.util.Objects::nonNull).toList();
    }

    private List<Row> complete(Connection connection, DisasterEvent event, List<Row> rows, Include include)
            throws SQLException {
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<Guardian>> guardians = include.guardians() ? guardians(connection, ids) : Map.of();
        Map<Long, List<Shelter>> shelters = include.shelters()
                ? SheltersInReach.of(connection, event.id(), ids, reach) : Map.of();
        List<Row> complete = new ArrayList<>(rows.size());
        for (Row row : rows) {
            complete.add(row.with(guardians.getOrDefault(row.id(), List.of()), shelters.getOrDefault(row.id(), List.of())));
        }
        return complete;
    }

    static HazardType areaHazard(Connection connection, DisasterEvent event) throws SQLException {
        if (event.areaLayerId() == null) {
            return null;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT hazard_type FROM geo_layer WHERE id = ?")) {
            select.setLong(1, event.areaLayerId());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? HazardType.valueOf(row.getString(1)) : null;
            }
        }
    }

    /** The shelters' SQL of a page's rows, for the benchmark that times it in psql beside the page. */
    public static final String SHELTERS_QUERY = SheltersInReach.QUERY;

    /** The check a page makes that the event's safe shelters are current, for the benchmark's psql. */
    public static final String SAFE_SHELTERS_CHECK = EventSafeShelters.FRESH;

    /** What computing an event's safe shelters selects (once per event), for the benchmark's psql. */
    public static final String SAFE_SHELTERS = EventSafeShelters.SAFE;

    /**
     * What every read of an event's households starts from, set-based: the event's households with the viewer's basis
     * worked out once each ({@code %s} narrows them to some ids, or not), then the worst hazard at home, the latest
     * reply, the call attempts and the other power sources each grouped in one pass, to be joined by hash.
     * Parameters: event id, scope (4), [ids,] threat types.
     */
    static final String SCOPED = """
            WITH ev AS (SELECT e.id, e.area_layer_id, e.expected_restoration_at FROM disaster_event e WHERE e.id = ?),
                 visible AS MATERIALIZED (
                     SELECT h.id, household_access_basis(h, ?, ?, ?, ?) AS basis,
                            h.child_family_name, h.child_given_name, h.child_family_name_kana, h.child_given_name_kana,
                            h.address, h.municipality_code, h.ward_code, ST_X(h.location) AS longitude,
                            ST_Y(h.location) AS latitude, h.ventilator_dependent, h.ventilator_hours_per_day, h.other_care,
                            h.ventilator_battery_hours, h.spare_battery_count, h.spare_battery_hours_each,
                            h.ventilator_off_minutes_per_day, eh.included_because, eh.zone_severity, eh.zone_label
                     FROM ev JOIN disaster_event_household eh ON eh.event_id = ev.id
                     JOIN household h ON h.id = eh.household_id %s),
                 hazard AS (
                     SELECT DISTINCT ON (x.household_id) x.household_id, x.hazard_type, x.severity, x.label, x.relative
                     FROM (SELECT ex.household_id, ex.hazard_type, ex.severity, ex.severity_label AS label,
                                  ex.severity::float8 / t.max_severity AS relative
                           FROM visible v JOIN household_hazard_exposure ex ON ex.household_id = v.id
                           JOIN hazard_type t ON t.code = ex.hazard_type
                           WHERE v.basis IS NOT NULL AND ex.status = 'IN_ZONE' AND ex.hazard_type = ANY (?::text[])
                           UNION ALL
                           SELECT v.id, l.hazard_type, v.zone_severity, v.zone_label, v.zone_severity::float8 / t.max_severity
                           FROM visible v JOIN ev ON true JOIN geo_layer l ON l.id = ev.area_layer_id
                           JOIN hazard_type t ON t.code = l.hazard_type
                           WHERE v.basis IS NOT NULL AND v.zone_severity IS NOT NULL) x
                     ORDER BY x.household_id, x.relative DESC, x.hazard_type),
                 replied AS (
                     SELECT DISTINCT ON (c.household_id) c.household_id, c.reply, c.detail, c.method, c.contacted_at
                     FROM ev JOIN safety_contact c ON c.event_id = ev.id AND c.reply IS NOT NULL
                     ORDER BY c.household_id, c.contacted_at DESC, c.id DESC),
                 attempted AS (
                     SELECT c.household_id, count(*) AS attempts,
                            (array_agg(c.outcome ORDER BY c.contacted_at DESC, c.id DESC))[1] AS last_outcome,
                            max(c.contacted_at) AS last_at
                     FROM ev JOIN safety_contact c ON c.event_id = ev.id AND c.method <> 'EMAIL_LINK'
                     GROUP BY c.household_id),
                 other_power AS (
                     SELECT ps.household_id, array_agg(ps.hours ORDER BY ps.id) AS hours
                     FROM visible v JOIN household_power_source ps ON ps.household_id = v.id GROUP BY ps.household_id)
            """;

    /** Only the households whose ids are given (a page's rows). */
    static final String ONLY_IDS = "WHERE eh.household_id = ANY (?::bigint[])";

    /** The full rows' SQL: {@link #SCOPED} with what the lists show. */
    static final String QUERY = SCOPED + """
            SELECT h.id, h.basis,
                   h.child_family_name, h.child_given_name, h.child_family_name_kana, h.child_given_name_kana,
                   h.address, h.municipality_code, h.ward_code, h.longitude, h.latitude,
                   h.ventilator_dependent, h.ventilator_hours_per_day, h.other_care,
                   h.ventilator_battery_hours, h.spare_battery_count, h.spare_battery_hours_each,
                   g.runtime_hours_per_tank, g.tank_litres, g.fuel_stored_litres, g.fuel_recorded_on, g.rated_output_watts,
                   op.hours,
                   hz.hazard_type, hz.severity, hz.label, hz.relative,
                   h.included_because,
                   coalesce(plan.plan_status, 'NONE'), plan.plan_deadline,
                   coalesce(ac.id, pc.id), coalesce(ac.name, pc.name), coalesce(ac.organisation, pc.organisation),
                   coalesce(ac.phone, pc.phone), coalesce(ac.email, pc.email), ac.id IS NOT NULL,
                   coalesce(r.expected_at, ev.expected_restoration_at),
                   sc.email_state, sc.reply_due_at, sc.sent_at,
                   lr.reply, lr.detail, lr.method, lr.contacted_at,
                   coalesce(att.attempts, 0), att.last_outcome, att.last_at, h.ventilator_off_minutes_per_day
            FROM visible h
            JOIN ev ON true
            LEFT JOIN household_generator_fuel g ON g.household_id = h.id
            LEFT JOIN other_power op ON op.household_id = h.id
            LEFT JOIN hazard hz ON hz.household_id = h.id
            LEFT JOIN household_evacuation_plan_status plan ON plan.household_id = h.id
            LEFT JOIN household_coordinator hc ON hc.household_id = h.id
            LEFT JOIN care_coordinator ac ON ac.id = hc.coordinator_id
            LEFT JOIN care_coordinator pc ON hc.household_id IS NULL AND pc.municipality_code = h.municipality_code
                                          AND pc.primary_contact AND pc.active
            LEFT JOIN disaster_event_restoration r ON r.event_id = ev.id AND r.municipality_code = h.municipality_code
            LEFT JOIN safety_check sc ON sc.event_id = ev.id AND sc.household_id = h.id
            LEFT JOIN replied lr ON lr.household_id = h.id
            LEFT JOIN attempted att ON att.household_id = h.id
            WHERE h.basis IS NOT NULL""";

    /** Every household's standing in the call order, as a page reads it, for the benchmark's psql. */
    public static final String STANDINGS_QUERY = EventStandings.QUERY;

    /** The full rows of a page's households, for the benchmark's psql. */
    public static final String PAGE_QUERY = QUERY.formatted(ONLY_IDS);

    private List<Row> query(Connection connection, DisasterEvent event, AccessScope scope, List<HazardType> threats,
                            Instant now, @Nullable List<Long> ids) throws SQLException {
        List<Row> rows = new ArrayList<>();
        LocalDate today = JapanTime.today(Clock.fixed(now, JapanTime.ZONE));
        BigDecimal hoursOut = BigDecimal.valueOf(event.hoursWithoutPower(now));
        try (PreparedStatement select = connection.prepareStatement(QUERY.formatted(ids == null ? "" : ONLY_IDS))) {
            select.setLong(1, event.id());
            int i = scope.bind(select, 2);
            if (ids != null) {
                select.setArray(i++, connection.createArrayOf("bigint", ids.toArray()));
            }
            select.setArray(i, connection.createArrayOf("text", threats.stream().map(Enum::name).toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(row(row, event, hoursOut, today, now));
                }
            }
        }
        return rows;
    }

    private static Row row(ResultSet row, DisasterEvent event, BigDecimal hoursOut, LocalDate today, Instant now)
            throws SQLException {
        long id = row.getLong(1);
        PowerAutonomy autonomy = autonomy(row, 15, 18, 23);
        Instant restoration = instant(row, 37);
        Double expectedOutage = EventTimesPolicy.expectedOutageHours(event.startsAt(), event.outageStartedAt(), restoration);
        Power power = new Power(autonomy, autonomy.remainingAfter(hoursOut), expectedOutage, restoration,
                autonomy.flags(expectedOutage == null ? null : BigDecimal.valueOf(expectedOutage)),
                row.getObject(21, LocalDate.class), (Integer) row.getObject(22));
        Hazard hazard = row.getString(24) == null ? null : new Hazard(HazardType.valueOf(row.getString(24)),
                row.getInt(25), row.getString(26), row.getDouble(27));
        Coordinator coordinator = row.getObject(31) == null ? null : new Coordinator(row.getLong(31), row.getString(32),
                row.getString(33), row.getString(34), row.getString(35), row.getBoolean(36));
        String emailState = row.getString(38);
        SafetyStatus.Email email = emailState == null ? SafetyStatus.Email.NONE : SafetyStatus.Email.valueOf(emailState);
        Instant due = instant(row, 39);
        Reply reply = row.getString(41) == null ? null : Reply.valueOf(row.getString(41));
        SafetyStatus status = SafetyStatus.of(new SafetyStatus.Facts(reply, email, due), now);
        Safety safety = new Safety(status, email, due, instant(row, 40), reply, row.getString(42),
                instant(row, 44), row.getString(43) == null ? null : ContactMethod.valueOf(row.getString(43)),
                row.getInt(45), row.getString(46) == null ? null : ContactOutcome.valueOf(row.getString(46)),
                instant(row, 47));
        Double longitude = (Double) row.getObject(10);
        Double latitude = (Double) row.getObject(11);
        return new Row(id, AccessBasis.valueOf(row.getString(2)), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), row.getString(7), row.getString(8), row.getString(9), longitude, latitude,
                row.getBoolean(12), row.getBigDecimal(13), (Integer) row.getObject(48), row.getString(14), row.getString(28), hazard, power,
                AtRiskList.plan(row.getString(29), row.getObject(30, LocalDate.class), today), coordinator, safety,
                List.of(), List.of());
    }

    /**
     * The family's power from a row holding the three battery columns from {@code batteries}, the four generator
     * columns from {@code generator} and the other sources' hours array at {@code others}.
     */
    static PowerAutonomy autonomy(ResultSet row, int batteries, int generator, int others) throws SQLException {
        PowerAutonomy.Generator fuel = row.getBigDecimal(generator) == null ? null : new PowerAutonomy.Generator(
                row.getBigDecimal(generator), row.getBigDecimal(generator + 1), row.getBigDecimal(generator + 2),
                row.getObject(generator + 3, LocalDate.class));
        Array otherSources = row.getArray(others);
        List<BigDecimal> otherHours = otherSources == null ? List.of()
                : Arrays.asList((BigDecimal[]) otherSources.getArray());
        return PowerAutonomy.of(new PowerAutonomy.Inputs(row.getBigDecimal(batteries), row.getInt(batteries + 1),
                row.getBigDecimal(batteries + 2), fuel, otherHours));
    }

    private static Map<Long, List<Guardian>> guardians(Connection connection, Collection<Long> ids) throws SQLException {
        Map<Long, List<Guardian>> guardians = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT household_id, name, relationship, phone, email FROM guardian
                WHERE household_id = ANY (?) ORDER BY household_id, position""")) {
            select.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    guardians.computeIfAbsent(row.getLong(1), ignored -> new ArrayList<>())
                            .add(new Guardian(row.getString(2), row.getString(3), row.getString(4), row.getString(5)));
                }
            }
        }
        return guardians;
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
