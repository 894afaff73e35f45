package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.access.Viewer;
import jp.inochi.disasters.Declarations;
import jp.inochi.disasters.DeclaredHazard;
import jp.inochi.disasters.DisasterDeclaration;
import jp.inochi.disasters.model.AreaKind;
import jp.inochi.disasters.model.EventAction;
import jp.inochi.disasters.model.EventLifecycle;
import jp.inochi.disasters.model.EventState;
import jp.inochi.disasters.model.EventTimesPolicy;
import jp.inochi.disasters.model.EventType;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.LifecycleEvent;
import jp.inochi.lifecycle.LifecycleEventRepository;
import jp.inochi.lifecycle.LifecycleLog;
import jp.inochi.lifecycle.LifecycleLog.Step;
import jp.inochi.lifecycle.SubjectType;
import jp.inochi.municipalities.Municipalities;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InochiException;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.platform.problem.ProblemType;
import jp.inochi.platform.time.JapanTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Disaster events from declaration to close (center staff and admins), each step in the event's timeline and the
 * audit log. Declaring settles the area and fixes the households it covers in the same transaction; a center admin
 * may at once open municipal access through the declarations feature (a disaster declaration for the event's
 * municipalities), or later.
 */
@Singleton
public class DisasterEvents {
    private static final Logger LOG = LoggerFactory.getLogger(DisasterEvents.class);
    /** How long municipal access stays open when the admin does not say (extend it through the declarations API). */
    static final Duration DEFAULT_ACCESS = Duration.ofDays(7);

    private final DisasterEventRepository events;
    private final EventAreas areas;
    private final Declarations declarations;
    private final Municipalities municipalities;
    private final LifecycleLog lifecycle;
    private final LifecycleEventRepository timeline;
    private final TransactionOperations<Connection> transactions;
    private final SafetyChecks safetyChecks;
    private final Clock clock;

    DisasterEvents(DisasterEventRepository events, EventAreas areas, Declarations declarations,
                   Municipalities municipalities, LifecycleLog lifecycle, LifecycleEventRepository timeline,
                   TransactionOperations<Connection> transactions, SafetyChecks safetyChecks, Clock clock) {
        this.events = events;
        this.areas = areas;
        this.declarations = declarations;
        this.municipalities = municipalities;
        this.lifecycle = lifecycle;
        this.timeline = timeline;
        this.transactions = transactions;
        this.safetyChecks = safetyChecks;
        this.clock = clock;
    }

    /** Open municipal access with the event: until {@code endsAt} (default 7 days), for the reason given. */
    public record MunicipalAccess(@Nullable Instant endsAt, @Nullable String reason) {
    }

    /** A new event as the person asked for it. */
    public record Declaration(String name, EventType type, @Nullable Instant startsAt, @Nullable Instant outageStartedAt,
                              @Nullable Instant expectedRestorationAt, @Nullable String note,
                              EventAreas.AreaRequest area, @Nullable MunicipalAccess municipalAccess) {
    }

    /** An expected restoration for one municipality, overriding the event's. */
    public record Restoration(String municipalityCode, Instant expectedAt) {
    }

    public DisasterEvent declare(Viewer viewer, Declaration declaration, String resource) {
        if (declaration.municipalAccess() != null) {
            requireAdmin(viewer);
        }
        Instant now = clock.instant();
        Instant startsAt = declaration.startsAt() == null ? now : declaration.startsAt();
        Instant outage = declaration.outageStartedAt() != null ? declaration.outageStartedAt()
                : declaration.type().isPowerOutage() ? startsAt : null;
        checkTimes(startsAt, outage, declaration.expectedRestorationAt(), now);
        DisasterEvent declared = transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try {
                EventAreas.Settled area = areas.settle(connection, declaration.area());
                long id = insert(connection, viewer, declaration, area, startsAt, outage, now);
                int households = areas.include(connection, id, area, now);
                DisasterEvent event = get(id);
                lifecycle.record(Actor.of(viewer), step(event, EventAction.DECLARE, now).states(null, EventState.ACTIVE)
                        .detail(declaration.type().label() + " / " + area.description() + " / 対象 " + households + "世帯"
                                + (area.polygon() == null || area.polygon().notes().isEmpty() ? ""
                                : " / " + String.join("・", area.polygon().notes()))));
                if (declaration.municipalAccess() != null) {
                    event = openAccess(viewer, event, declaration.municipalAccess(), resource, now);
                }
                LOG.info("Disaster event {} declared by user id {}: {} households in {} municipalities", id,
                        viewer.userId(), households, event.municipalityCodes().size());
                return event;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return declared;
    }

    public List<DisasterEvent> visibleTo(Viewer viewer) {
        return viewer.isMunicipalOfficer() ? events.findCovering(viewer.municipalityCode()) : events.findAllNewestFirst();
    }

    /** The event, if the viewer may know of it (an officer: only events covering their municipality); else 404. */
    public DisasterEvent get(Viewer viewer, long id) {
        return events.findById(id)
                .filter(event -> !viewer.isMunicipalOfficer() || event.covers(viewer.municipalityCode()))
                .orElseThrow(() -> new NotFoundException("災害対応"));
    }

    DisasterEvent get(long id) {
        return events.findById(id).orElseThrow(() -> new NotFoundException("災害対応"));
    }

    /** The outage began (or was corrected), and when power is expected back: for the event and per municipality. */
    public DisasterEvent updateOutage(Viewer viewer, long id, @Nullable Instant outageStartedAt,
                                      @Nullable Instant expectedRestorationAt, List<Restoration> byMunicipality,
                                      @Nullable Long expectedVersion, String resource) {
        Instant now = clock.instant();
        List<FieldError> errors = new ArrayList<>();
        Map<String, Instant> overrides = new LinkedHashMap<>();
        for (Restoration restoration : byMunicipality) {
            if (restoration.municipalityCode() == null || municipalities.municipality(restoration.municipalityCode()).isEmpty()) {
                errors.add(new FieldError("byMunicipality", "熊本県の市町村コード（5桁）ではありません: " + restoration.municipalityCode()));
            } else if (restoration.expectedAt() == null) {
                errors.add(new FieldError("byMunicipality", restoration.municipalityCode() + " の復旧見込みの日時がありません"));
            } else {
                overrides.put(restoration.municipalityCode(), restoration.expectedAt());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return transactions.executeWrite(status -> {
            DisasterEvent event = getForUpdate(id, expectedVersion);
            EventLifecycle.MACHINE.next(event.state(), EventAction.UPDATE_OUTAGE);
            checkTimes(event.startsAt(), outageStartedAt, expectedRestorationAt, now, event.createdAt());
            Instant from = outageStartedAt != null ? outageStartedAt : event.startsAt();
            overrides.forEach((code, at) -> {
                if (!at.isAfter(from)) {
                    throw new InvalidInputException("byMunicipality", code + " の復旧見込みは停電の開始より後にしてください");
                }
            });
            DisasterEvent updated = events.update(event.withOutage(outageStartedAt, expectedRestorationAt, now));
            Connection connection = status.getConnection();
            update(connection, "DELETE FROM disaster_event_restoration WHERE event_id = ?", id);
            for (Map.Entry<String, Instant> entry : overrides.entrySet()) {
                update(connection, "INSERT INTO disaster_event_restoration (event_id, municipality_code, expected_at) "
                        + "VALUES (?, ?, ?)", id, entry.getKey(), entry.getValue());
            }
            lifecycle.record(Actor.of(viewer), step(updated, EventAction.UPDATE_OUTAGE, now).detail("停電開始 "
                    + outageStartedAt + " / 復旧見込み " + expectedRestorationAt
                    + (overrides.isEmpty() ? "" : " / 市町村別 " + overrides)));
            return updated;
        });
    }

    /** The expected restoration per municipality that overrides the event's. */
    public Map<String, Instant> restorations(long eventId) {
        return transactions.executeRead(status -> {
            Map<String, Instant> result = new LinkedHashMap<>();
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT municipality_code, expected_at FROM disaster_event_restoration WHERE event_id = ? ORDER BY 1")) {
                select.setLong(1, eventId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        result.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                    }
                }
            }
            return result;
        });
    }

    /**
     * Evaluates the area again (homes moved, households added, a hazard layer's zones of the event as they are now):
     * households it covers now are added; none is removed, since they may already have been contacted. With a safety
     * check running, the added families get their email too.
     */
    public int reevaluate(Viewer viewer, long id, String resource) {
        Instant now = clock.instant();
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            DisasterEvent event = getForUpdate(id, null);
            EventLifecycle.MACHINE.next(event.state(), EventAction.REEVALUATE_AREA);
            EventAreas.Settled area = new EventAreas.Settled(event.areaKind(), event.areaCodes(), event.areaLayerId(),
                    event.areaLayerVersionId(), event.areaMinSeverity(), null, null, event.areaDescription());
            int added = areas.include(connection, id, area, now);
            if (event.areaKind() == AreaKind.HAZARD_ZONES) {
                update(connection, "UPDATE disaster_event SET area_layer_version_id = (SELECT current_version_id FROM "
                        + "geo_layer WHERE id = ?) WHERE id = ?", event.areaLayerId(), id);
            }
            int emailed = safetyChecks.includeNewHouseholds(connection, id, now);
            lifecycle.record(Actor.of(viewer), step(get(id), EventAction.REEVALUATE_AREA, now)
                    .detail("追加 " + added + "世帯" + (emailed > 0 ? "（安否確認メール " + emailed + "通）" : "")));
            return added;
        });
    }

    /** Opens municipal access for the event's municipalities: a disaster declaration (center admins only). */
    public DisasterEvent openMunicipalAccess(Viewer viewer, long id, MunicipalAccess access, String resource) {
        requireAdmin(viewer);
        Instant now = clock.instant();
        return transactions.executeWrite(status -> {
            DisasterEvent event = getForUpdate(id, null);
            EventLifecycle.MACHINE.next(event.state(), EventAction.OPEN_MUNICIPAL_ACCESS);
            return openAccess(viewer, event, access, resource, now);
        });
    }

    private DisasterEvent openAccess(Viewer viewer, DisasterEvent event, MunicipalAccess access, String resource,
                                     Instant now) {
        if (event.municipalityCodes().isEmpty()) {
            throw new InvalidInputException("municipalAccess", "この災害対応の範囲には世帯がないため、市町村への情報提供は開始できません");
        }
        if (event.declarationId() != null && declarations.get(viewer, event.declarationId()).status(now)
                != jp.inochi.disasters.DeclarationStatus.ENDED) {
            throw new InochiException(ProblemType.CONFLICT, "この災害対応の災害宣言（" + event.declarationId()
                    + "）が発令中です。期間は災害宣言の延長で変えてください");
        }
        Instant endsAt = access.endsAt() != null ? access.endsAt() : now.plus(DEFAULT_ACCESS);
        String reason = "災害対応「" + event.name() + "」（" + event.eventType().label() + "）"
                + (access.reason() == null || access.reason().isBlank() ? "" : ": " + access.reason().strip());
        DisasterDeclaration declaration = declarations.declare(viewer, new Declarations.Declaration(
                event.municipalityCodes(), DeclaredHazard.valueOf(event.eventType().declaredHazard()),
                reason.length() > 1000 ? reason.substring(0, 1000) : reason, null, endsAt), resource);
        DisasterEvent linked = events.update(event.withDeclaration(declaration.id(), now));
        lifecycle.record(Actor.of(viewer), step(linked, EventAction.OPEN_MUNICIPAL_ACCESS, now)
                .detail("災害宣言 " + declaration.id() + "（" + String.join(",", declaration.municipalityCodes()) + "、"
                        + declaration.endsAt() + " まで）"));
        return linked;
    }

    /**
     * Closes the event: no more emails go out (those waiting are cancelled when their turn comes), replies are no
     * longer taken, and the record stays as it is. A center admin's close also ends the event's declaration early;
     * otherwise it runs out at its end.
     */
    public DisasterEvent close(Viewer viewer, long id, String reason, @Nullable Long expectedVersion, String resource) {
        Instant now = clock.instant();
        return transactions.executeWrite(status -> {
            DisasterEvent event = getForUpdate(id, expectedVersion);
            EventState next = EventLifecycle.MACHINE.next(event.state(), EventAction.CLOSE);
            DisasterEvent closed = events.update(event.closed(viewer.userId(), reason, now));
            String declarationNote = "";
            if (event.declarationId() != null) {
                DisasterDeclaration declaration = declarations.get(viewer, event.declarationId());
                if (declaration.status(now) != jp.inochi.disasters.DeclarationStatus.ENDED) {
                    if (viewer.role() == Role.CENTER_ADMIN) {
                        declarations.end(viewer, declaration.id(), "災害対応「" + event.name() + "」の終了: " + reason, resource);
                        declarationNote = " / 災害宣言 " + declaration.id() + " を終了";
                    } else {
                        declarationNote = " / 災害宣言 " + declaration.id() + " は " + declaration.endsAt() + " まで継続";
                    }
                }
            }
            lifecycle.record(Actor.of(viewer), step(closed, EventAction.CLOSE, now).states(event.state(), next)
                    .reason(reason).detail(declarationNote.isEmpty() ? null : declarationNote.substring(3)));
            LOG.info("Disaster event {} closed by user id {}", id, viewer.userId());
            return closed;
        });
    }

    public List<LifecycleEvent> timeline(long id) {
        return timeline.findBySubjectTypeAndSubjectIdOrderByIdAsc(SubjectType.DISASTER_EVENT, id);
    }

    /** How many households the event covers. */
    public long householdCount(long id) {
        return transactions.executeRead(status -> {
            try (PreparedStatement count = status.getConnection().prepareStatement(
                    "SELECT count(*) FROM disaster_event_household WHERE event_id = ?")) {
                count.setLong(1, id);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    private DisasterEvent getForUpdate(long id, @Nullable Long expectedVersion) {
        DisasterEvent event = get(id);
        if (expectedVersion != null && !expectedVersion.equals(event.version())) {
            throw new InochiException(ProblemType.CONCURRENT_MODIFICATION, "他の方が先にこの災害対応を更新しました。"
                    + "最新の内容を確認してから、もう一度操作してください");
        }
        return event;
    }

    static Step step(DisasterEvent event, EventAction action, Instant now) {
        return Step.of(SubjectType.DISASTER_EVENT, event.id(), action, JapanTime.today(Clock.fixed(now, JapanTime.ZONE)));
    }

    private static void requireAdmin(Viewer viewer) {
        if (viewer.role() != Role.CENTER_ADMIN) {
            throw new InochiException(ProblemType.FORBIDDEN, "市町村への情報提供（災害宣言）を開始できるのはセンター管理者だけです");
        }
    }

    private static void checkTimes(Instant startsAt, @Nullable Instant outage, @Nullable Instant restoration, Instant now) {
        List<FieldError> errors = EventTimesPolicy.check(startsAt, outage, restoration, now).stream()
                .map(violation -> new FieldError(violation.field(), violation.message())).toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** For an update, the start was accepted when declared: only the new outage and restoration are checked. */
    private static void checkTimes(Instant startsAt, @Nullable Instant outage, @Nullable Instant restoration, Instant now,
                                   Instant declaredAt) {
        List<FieldError> errors = EventTimesPolicy.check(startsAt, outage, restoration, now).stream()
                .filter(violation -> !violation.field().equals("startsAt"))
                .map(violation -> new FieldError(violation.field(), violation.message())).toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private long insert(Connection connection, Viewer viewer, Declaration declaration, EventAreas.Settled area,
                        Instant startsAt, @Nullable Instant outage, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO disaster_event (name, event_type, state, area_kind, area_codes, area_layer_id,
                    area_layer_version_id, area_min_severity, area_geom, area_source, area_source_crs, area_description,
                    starts_at, outage_started_at, expected_restoration_at, note, declared_by, created_at, updated_at)
                VALUES (?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ST_GeomFromEWKB(decode(?, 'hex')), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING id""")) {
            int i = 1;
            insert.setString(i++, declaration.name().strip());
            insert.setString(i++, declaration.type().name());
            insert.setString(i++, area.kind().name());
            insert.setArray(i++, area.codes() == null ? null : connection.createArrayOf("varchar", area.codes().toArray()));
            setLong(insert, i++, area.layerId());
            setLong(insert, i++, area.layerVersionId());
            if (area.minSeverity() == null) {
                insert.setNull(i++, Types.SMALLINT);
            } else {
                insert.setInt(i++, area.minSeverity());
            }
            insert.setString(i++, area.polygon() == null ? null : area.polygon().ewkbHex());
            insert.setString(i++, area.polygon() == null ? null : area.polygon().source());
            insert.setString(i++, area.polygon() == null ? null : area.polygon().sourceCrs());
            insert.setString(i++, area.description());
            insert.setTimestamp(i++, Timestamp.from(startsAt));
            insert.setTimestamp(i++, outage == null ? null : Timestamp.from(outage));
            insert.setTimestamp(i++, declaration.expectedRestorationAt() == null ? null
                    : Timestamp.from(declaration.expectedRestorationAt()));
            insert.setString(i++, declaration.note() == null || declaration.note().isBlank() ? null : declaration.note().strip());
            insert.setLong(i++, viewer.userId());
            insert.setTimestamp(i++, Timestamp.from(now));
            insert.setTimestamp(i, Timestamp.from(now));
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void setLong(PreparedStatement statement, int index, @Nullable Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static void update(Connection connection, String sql, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                statement.setObject(i + 1, value instanceof Instant instant ? Timestamp.from(instant) : value);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + sql.lines().findFirst().orElse("") + " (" + e.getSQLState() + ")", e);
        }
    }
}
