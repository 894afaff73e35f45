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
import java.time.Instant;
import jp.inochi.access.Viewer;
import jp.inochi.disasters.OpeningMunicipalAccess.MunicipalAccess;
import jp.inochi.disasters.model.EventAction;
import jp.inochi.disasters.model.EventState;
import jp.inochi.disasters.model.EventType;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.LifecycleLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Declaring a disaster event (center staff and admins): settles the area and fixes the households it covers in the
 * same transaction; a center admin may at once open municipal access ({@link OpeningMunicipalAccess}).
 */
@Singleton
public class DeclaringEvents {
    private static final Logger LOG = LoggerFactory.getLogger(DeclaringEvents.class);

    private final DisasterEvents events;
    private final EventAreas areas;
    private final OpeningMunicipalAccess municipalAccess;
    private final EventSafeShelters safeShelters;
    private final LifecycleLog lifecycle;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    DeclaringEvents(DisasterEvents events, EventAreas areas, OpeningMunicipalAccess municipalAccess,
                    EventSafeShelters safeShelters, LifecycleLog lifecycle, TransactionOperations<Connection> transactions,
                    Clock clock) {
        this.events = events;
        this.areas = areas;
        this.municipalAccess = municipalAccess;
        this.safeShelters = safeShelters;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A new event as the person asked for it. */
    public record Declaration(String name, EventType type, @Nullable Instant startsAt, @Nullable Instant outageStartedAt,
                              @Nullable Instant expectedRestorationAt, @Nullable String note,
                              EventAreas.AreaRequest area,
                              @Nullable MunicipalAccess municipalAccess) {
    }

    public DisasterEvent declare(Viewer viewer, Declaration declaration, String resource) {
        if (declaration.municipalAccess() != null) {
            OpeningMunicipalAccess.requireAdmin(viewer);
        }
        Instant now = clock.instant();
        Instant startsAt = declaration.startsAt() == null ? now : declaration.startsAt();
        Instant outage = declaration.outageStartedAt() != null ? declaration.outageStartedAt()
                : declaration.type().isPowerOutage() ? startsAt : null;
        EventTimes.check(startsAt, outage, declaration.expectedRestorationAt(), now);
        DisasterEvent declared = transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try {
                EventAreas.Settled area = areas.settle(connection, declaration.area());
                long id = insert(connection, viewer, declaration, area, startsAt, outage, now);
                int households = areas.include(connection, id, area, now);
                DisasterEvent event = events.get(id);
                safeShelters.compute(connection, event);
                lifecycle.record(Actor.of(viewer), DisasterEvents.step(event, EventAction.DECLARE, now)
                        .states(null, EventState.ACTIVE)
                        .detail(declaration.type().label() + " / " + area.description() + " / 対象 " + households + "世帯"
                                + (area.polygon() == null || area.polygon().notes().isEmpty() ? ""
                                : " / " + String.join("・", area.polygon().notes()))));
                if (declaration.municipalAccess() != null) {
                    event = municipalAccess.openAccess(viewer, event, declaration.municipalAccess(), resource, now);
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
}
