package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.disasters.model.ContactMethod;
import jp.inochi.disasters.model.ContactOutcome;
import jp.inochi.disasters.model.EventLifecycle;
import jp.inochi.disasters.model.PowerAutonomy;
import jp.inochi.disasters.model.PowerShortfall;
import jp.inochi.disasters.model.Reply;
import jp.inochi.disasters.model.SafetyStatus;
import jp.inochi.disasters.model.ShelterReach;
import jp.inochi.exposure.HazardExposure;
import jp.inochi.municipalities.Municipalities;
import jp.inochi.municipalities.Municipality;
import jp.inochi.atrisk.AtRiskList;

/**
 * The lists of an event as people see them: the call list, the unreached list, the dashboard counts, the map and the
 * record of who was reached. Every household shown is in the viewer's scope (SQL) and written to the audit log, one
 * entry per household with its basis: JSON as a read, files as an export.
 */
@Singleton
public class EventLists {
    static final String ORDER = "人工呼吸器の方を先に、(1) 停電からの経過時間を引いた電源の残りの短い順（電源情報なしは0時間）、"
            + "(2) 自宅のハザードの危険度の高い順、(3) 人工呼吸器の1日の使用時間の長い順";
    static final String NOTICE = "電源の時間は、内部バッテリー＋予備バッテリー＋発電機（1タンクの運転時間×備蓄燃料÷タンク容量、年次確認時の記録）"
            + "＋ほかの電源の合計です。未登録の項目は0時間として数えています。" + HazardExposure.NOTICE;

    private final DisasterEvents events;
    private final EventOutages outages;
    private final EventHouseholds households;
    private final SafetyChecks safetyChecks;
    private final Municipalities municipalities;
    private final TransactionOperations<Connection> transactions;
    private final AuditLog auditLog;
    private final Clock clock;

    EventLists(DisasterEvents events, EventOutages outages, EventHouseholds households, SafetyChecks safetyChecks,
               Municipalities municipalities, TransactionOperations<Connection> transactions, AuditLog auditLog,
               Clock clock) {
        this.events = events;
        this.outages = outages;
        this.households = households;
        this.safetyChecks = safetyChecks;
        this.municipalities = municipalities;
        this.transactions = transactions;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The event as shown to the viewer (its household count only those they may see), with what may be done next. */
    public EventViews.Event event(Viewer viewer, DisasterEvent event) {
        return event(viewer, event, events.householdCount(event.id(), viewer.scope(clock)));
    }

    /** The same, for a caller that has just read every household the viewer may see (their number is given). */
    EventViews.Event event(Viewer viewer, DisasterEvent event, long visibleHouseholds) {
        return event(viewer, event, visibleHouseholds, names());
    }

    /** The same, with the municipalities' names the caller has already read. */
    EventViews.Event event(Viewer viewer, DisasterEvent event, long visibleHouseholds, Map<String, String> names) {
        List<EventViews.Restoration> restorations = new ArrayList<>();
        outages.restorations(event.id()).forEach((code, at) -> restorations.add(
                new EventViews.Restoration(code, names.getOrDefault(code, code), at, EventViews.label(at))));
        return new EventViews.Event(event.id(), event.name(), event.eventType(), event.eventType().label(), event.state(),
                event.state().label(), event.areaKind(), event.areaKind().label(), event.areaDescription(),
                event.areaCodes(), event.areaLayerId(), event.areaMinSeverity(), event.areaSource(),
                event.municipalityCodes().stream().map(code -> new EventViews.Named(code, names.getOrDefault(code, code)))
                        .toList(),
                event.startsAt(), EventViews.label(event.startsAt()), event.outageStartedAt(),
                EventViews.label(event.outageStartedAt()), event.expectedRestorationAt(),
                EventViews.label(event.expectedRestorationAt()), restorations, event.note(), event.declarationId(),
                visibleHouseholds, event.closedAt(), event.closeReason(),
                EventLifecycle.MACHINE.allowedApiNames(event.state()), event.version());
    }

    /**
     * The call list: every household of the event the viewer may see, ventilator users first, in {@link #ORDER};
     * optionally only those of some statuses (the unreached list is {@link SafetyStatus#UNREACHED}).
     */
    public EventViews.CallList callList(Viewer viewer, long eventId, @Nullable Set<SafetyStatus> statuses, boolean export,
                                        String list, String resource) {
        DisasterEvent event = events.get(viewer, eventId);
        Instant now = clock.instant();
        List<EventHouseholds.Row> rows = households.rows(event, viewer.scope(clock), EventHouseholds.Include.ALL);
        Map<String, String> names = names();
        List<EventViews.Row> shown = new ArrayList<>();
        int rank = 0;
        for (EventHouseholds.Row row : rows) {
            rank++;
            if (statuses == null || statuses.contains(row.safety().status())) {
                shown.add(row(row, rank, names, households.shelterReach()));
            }
        }
        audit(viewer, resource, export, shown.stream().map(row -> new HouseholdAccess(row.householdId(), row.basis())).toList());
        List<AtRiskList.Credit> credits = transactions.executeRead(status -> AtRiskList.credits(status.getConnection()));
        return new EventViews.CallList(event(viewer, event, rows.size()), list, now, EventViews.label(now), ORDER, NOTICE,
                shown.size(), shown, credits);
    }

    /** Counts by status and by municipality of the households the viewer may see (no personal data: not audited). */
    public EventViews.Dashboard dashboard(Viewer viewer, long eventId) {
        DisasterEvent event = events.get(viewer, eventId);
        Instant now = clock.instant();
        List<EventHouseholds.Row> rows = households.rows(event, viewer.scope(clock), EventHouseholds.Include.STATUS_ONLY);
        Map<String, String> names = names();
        Map<SafetyStatus, Long> byStatus = new EnumMap<>(SafetyStatus.class);
        Map<String, Map<String, Long>> byMunicipality = new TreeMap<>();
        Map<String, long[]> totals = new HashMap<>();
        long ventilator = 0;
        long under72 = 0;
        long underOutage = 0;
        for (EventHouseholds.Row row : rows) {
            SafetyStatus status = row.safety().status();
            byStatus.merge(status, 1L, Long::sum);
            String code = row.municipalityCode() == null ? "" : row.municipalityCode();
            byMunicipality.computeIfAbsent(code, ignored -> new LinkedHashMap<>()).merge(status.name(), 1L, Long::sum);
            long[] total = totals.computeIfAbsent(code, ignored -> new long[2]);
            total[0]++;
            if (row.ventilator()) {
                ventilator++;
                total[1]++;
            }
            if (row.power().flags().contains(PowerAutonomy.Flag.UNDER_72_HOURS)) {
                under72++;
            }
            if (row.power().flags().contains(PowerAutonomy.Flag.UNDER_EXPECTED_OUTAGE)) {
                underOutage++;
            }
        }
        List<EventViews.StatusCount> statusCounts = new ArrayList<>();
        for (SafetyStatus status : SafetyStatus.values()) {
            statusCounts.add(new EventViews.StatusCount(status, status.label(), status.colour(), byStatus.getOrDefault(status, 0L)));
        }
        List<EventViews.MunicipalityCounts> municipalityCounts = new ArrayList<>();
        byMunicipality.forEach((code, counts) -> municipalityCounts.add(new EventViews.MunicipalityCounts(code,
                code.isEmpty() ? "県外・未設定" : names.getOrDefault(code, code), totals.get(code)[0], totals.get(code)[1], counts)));
        return new EventViews.Dashboard(event(viewer, event), now, EventViews.label(now), rows.size(), ventilator, under72,
                underOutage, statusCounts, municipalityCounts, safetyChecks.campaign(eventId, viewer.scope(clock)).orElse(null));
    }

    /**
     * The event's households the viewer may see as GeoJSON points coloured by safety status, without names (the map
     * of the dashboard); each household shown is audited as read.
     */
    public Map<String, Object> map(Viewer viewer, long eventId, String resource) {
        DisasterEvent event = events.get(viewer, eventId);
        List<EventHouseholds.Row> rows = households.rows(event, viewer.scope(clock), EventHouseholds.Include.STATUS_ONLY);
        List<Map<String, Object>> features = new ArrayList<>();
        List<HouseholdAccess> shown = new ArrayList<>();
        int rank = 0;
        for (EventHouseholds.Row row : rows) {
            rank++;
            if (row.longitude() == null) {
                continue;
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("householdId", row.id());
            properties.put("rank", rank);
            properties.put("status", row.safety().status().name());
            properties.put("statusLabel", row.safety().status().label());
            properties.put("colour", row.safety().status().colour());
            properties.put("ventilatorDependent", row.ventilator());
            properties.put("municipalityCode", row.municipalityCode());
            properties.put("remainingHours", row.power().remainingHours());
            properties.put("flags", row.power().flags().stream().map(Enum::name).toList());
            features.add(Map.of("type", "Feature", "id", row.id(),
                    "geometry", Map.of("type", "Point", "coordinates", List.of(row.longitude(), row.latitude())),
                    "properties", properties));
            shown.add(new HouseholdAccess(row.id(), row.basis()));
        }
        auditLog.householdsRead(viewer, resource, shown);
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("eventId", eventId);
        collection.put("generatedAt", clock.instant().toString());
        collection.put("legend", java.util.Arrays.stream(SafetyStatus.values())
                .map(status -> Map.of("status", status.name(), "label", status.label(), "colour", status.colour())).toList());
        collection.put("features", features);
        return collection;
    }

    /** Who was reached, when and how: every household of the event the viewer may see, with each contact. */
    public EventViews.Record record(Viewer viewer, long eventId, boolean export, String resource) {
        DisasterEvent event = events.get(viewer, eventId);
        Instant now = clock.instant();
        List<EventHouseholds.Row> rows = households.rows(event, viewer.scope(clock), EventHouseholds.Include.STATUS_ONLY);
        Map<Long, List<EventViews.RecordContact>> contacts = contacts(eventId, rows.stream().map(EventHouseholds.Row::id).toList());
        Map<String, String> names = names();
        List<EventViews.RecordHousehold> result = new ArrayList<>();
        for (EventHouseholds.Row row : rows) {
            List<EventViews.RecordContact> own = contacts.getOrDefault(row.id(), List.of());
            EventViews.RecordContact first = own.stream().filter(contact -> contact.reply() != null).findFirst().orElse(null);
            result.add(new EventViews.RecordHousehold(row.id(), row.childFamilyName() + " " + row.childGivenName(),
                    row.municipalityCode(), row.municipalityCode() == null ? null : names.get(row.municipalityCode()),
                    row.ventilator(), includedLabel(row.includedBecause()), row.safety().status(),
                    row.safety().status().label(), row.safety().email().name(), emailLabel(row.safety().email()),
                    row.safety().emailSentAt(), first == null ? null : first.contactedAt(),
                    first == null ? null : first.methodLabel(), own));
        }
        audit(viewer, resource, export, rows.stream().map(row -> new HouseholdAccess(row.id(), row.basis())).toList());
        return new EventViews.Record(event(viewer, event), now, EventViews.label(now), result.size(), result);
    }

    private Map<Long, List<EventViews.RecordContact>> contacts(long eventId, List<Long> ids) {
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            Map<Long, List<EventViews.RecordContact>> contacts = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT c.household_id, c.contacted_at, c.method, c.outcome, c.reply, c.detail, u.display_name
                    FROM safety_contact c LEFT JOIN app_user u ON u.id = c.recorded_by
                    WHERE c.event_id = ? AND c.household_id = ANY (?) ORDER BY c.household_id, c.contacted_at, c.id""")) {
                select.setLong(1, eventId);
                select.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        Instant at = row.getTimestamp(2).toInstant();
                        ContactMethod method = ContactMethod.valueOf(row.getString(3));
                        ContactOutcome outcome = ContactOutcome.valueOf(row.getString(4));
                        Reply reply = row.getString(5) == null ? null : Reply.valueOf(row.getString(5));
                        contacts.computeIfAbsent(row.getLong(1), ignored -> new ArrayList<>()).add(new EventViews.RecordContact(
                                at, EventViews.label(at), method.name(), method.label(), outcome.name(), outcome.label(),
                                reply == null ? null : reply.name(), reply == null ? null : reply.label(), row.getString(6),
                                row.getString(7) == null ? "ご家族" : row.getString(7)));
                    }
                }
            }
            return contacts;
        });
    }

    private void audit(Viewer viewer, String resource, boolean export, List<HouseholdAccess> shown) {
        if (export) {
            auditLog.householdsExported(viewer, resource, shown);
        } else {
            auditLog.householdsRead(viewer, resource, shown);
        }
    }

    /** Municipality (and ward) names by code. */
    Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        for (Municipality municipality : municipalities.allWithWards()) {
            names.put(municipality.code(), municipality.name());
        }
        return names;
    }

    static EventViews.Row row(EventHouseholds.Row row, int rank, Map<String, String> names, ShelterReach reach) {
        boolean center = row.basis() == AccessBasis.CENTER;
        EventHouseholds.Power power = row.power();
        EventViews.Power powerView = new EventViews.Power(power.autonomy().totalHours(), power.remainingHours(),
                power.autonomy().batteryHours(), power.autonomy().spareBatteryHours(), power.autonomy().generatorHours(),
                power.autonomy().otherHours(), power.fuelRecordedOn(),
                power.autonomy().unknowns().stream().map(PowerAutonomy.Unknown::label).toList(),
                power.flags().stream().map(flag -> new EventViews.Flag(flag.name(), flag.label())).toList(),
                power.expectedOutageHours() == null ? null : Math.round(power.expectedOutageHours() * 10) / 10.0,
                power.expectedRestorationAt(), EventViews.label(power.expectedRestorationAt()),
                PowerShortfall.thresholdHours(power.expectedOutageHours()), badges(power));
        EventHouseholds.Safety safety = row.safety();
        EventViews.Safety safetyView = new EventViews.Safety(safety.status(), safety.status().label(),
                safety.status().colour(), safety.email().name(), emailLabel(safety.email()), safety.replyDueAt(),
                safety.reply() == null ? null : safety.reply().name(), safety.reply() == null ? null : safety.reply().label(),
                safety.replyDetail(), safety.repliedAt(), EventViews.label(safety.repliedAt()),
                safety.replyMethod() == null ? null : safety.replyMethod().label(), safety.attempts(),
                safety.lastAttempt() == null ? null : safety.lastAttempt().name(),
                safety.lastAttempt() == null ? null : safety.lastAttempt().label(), safety.lastAttemptAt());
        EventHouseholds.Hazard hazard = row.hazard();
        return new EventViews.Row(rank, row.id(), row.basis(), row.ventilator() ? "VENTILATOR" : "OTHER_CARE",
                row.ventilator() ? "人工呼吸器" : "その他の医療的ケア", row.childFamilyName() + " " + row.childGivenName(),
                row.childFamilyNameKana() + " " + row.childGivenNameKana(), row.address(), row.municipalityCode(),
                row.municipalityCode() == null ? null : names.get(row.municipalityCode()), row.wardCode(), row.longitude(),
                row.latitude(), row.ventilator(), row.ventilator() ? "人工呼吸器（常時装着）" : "その他の医療的ケア",
                center ? new EventViews.Clinical(row.ventilatorHoursPerDay(), row.otherCare()) : null, powerView,
                hazard == null ? null : new EventViews.Hazard(hazard.type().name(), hazard.type().label(), hazard.severity(),
                        hazard.label(), Math.round(hazard.relative() * 1000) / 1000.0),
                includedLabel(row.includedBecause()), row.plan(),
                row.guardians().stream().map(g -> new EventViews.Contact(g.name(), g.relationship(), g.phone(), g.email()))
                        .toList(),
                row.coordinator() == null ? null : new EventViews.Coordinator(row.coordinator().id(), row.coordinator().name(),
                        row.coordinator().organisation(), row.coordinator().phone(), row.coordinator().email(),
                        row.coordinator().assigned()),
                row.shelters().stream().map(s -> new EventViews.Shelter(s.id(), s.name(), s.address(), s.municipalityCode(),
                        s.welfareCandidate(), ShelterReach.kindLabel(s.welfareCandidate()), s.distanceM(),
                        ShelterReach.distanceLabel(s.distanceM()))).toList(),
                safetyView, shelterNote(row, reach));
    }

    /** What the shelters cell says when it lists none. */
    private static String shelterNote(EventHouseholds.Row row, ShelterReach reach) {
        if (!row.shelters().isEmpty()) {
            return null;
        }
        return row.longitude() == null ? "自宅の位置が未登録のため候補なし" : reach.noneLabel();
    }

    /** What a row's badges say: power unknown, and a shortfall against the event's expected outage only where true. */
    private static List<EventViews.Flag> badges(EventHouseholds.Power power) {
        List<EventViews.Flag> badges = new ArrayList<>();
        if (power.flags().contains(PowerAutonomy.Flag.NO_POWER_INFORMATION)) {
            badges.add(new EventViews.Flag(PowerAutonomy.Flag.NO_POWER_INFORMATION.name(),
                    PowerAutonomy.Flag.NO_POWER_INFORMATION.label()));
        }
        PowerShortfall.badge(power.autonomy().totalHours(), power.expectedOutageHours())
                .ifPresent(label -> badges.add(new EventViews.Flag("SHORTFALL", label)));
        return badges;
    }

    static String emailLabel(SafetyStatus.Email email) {
        return switch (email) {
            case NONE -> "未送信（安否確認の開始前）";
            case QUEUED -> "送信待ち";
            case SENT -> "送信済み";
            case NOT_EMAILED -> "メール連絡不可（同意またはアドレスなし）";
            case FAILED -> "送信失敗";
            case CANCELLED -> "送信せず（取消）";
        };
    }

    static String includedLabel(String because) {
        return switch (because) {
            case "MUNICIPALITY" -> "対象市町村に居住";
            case "POLYGON" -> "指定範囲内";
            case "HAZARD_ZONE" -> "対象のハザード区域内";
            default -> "位置不明（対象範囲にかかる市町村に居住）";
        };
    }
}
