package jp.inochi.disasters;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import jp.inochi.access.Viewer;
import jp.inochi.disasters.model.AreaKind;
import jp.inochi.disasters.model.EventAction;
import jp.inochi.disasters.model.EventLifecycle;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.LifecycleLog;

/**
 * Evaluating an event's area again (homes moved, households added, a hazard layer's zones of the event as they are
 * now): households it covers now are added; none is removed, since they may already have been contacted.
 */
@Singleton
public class ReevaluatingEventAreas {
    private final DisasterEvents events;
    private final EventAreas areas;
    private final SafetyChecks safetyChecks;
    private final EventSafeShelters safeShelters;
    private final LifecycleLog lifecycle;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    ReevaluatingEventAreas(DisasterEvents events, EventAreas areas, SafetyChecks safetyChecks,
                           EventSafeShelters safeShelters, LifecycleLog lifecycle,
                           TransactionOperations<Connection> transactions, Clock clock) {
        this.events = events;
        this.areas = areas;
        this.safetyChecks = safetyChecks;
        this.safeShelters = safeShelters;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The number of households added; with a safety check running, the added families get their email too. */
    public int reevaluate(Viewer viewer, long id, String resource) {
        Instant now = clock.instant();
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            DisasterEvent event = events.getForUpdate(id, null);
            EventLifecycle.MACHINE.next(event.state(), EventAction.REEVALUATE_AREA);
            EventAreas.Settled area = new EventAreas.Settled(event.areaKind(), event.areaCodes(), event.areaLayerId(),
                    event.areaLayerVersionId(), event.areaMinSeverity(), null, null, event.areaDescription());
            int added = areas.include(connection, id, area, now);
            if (event.areaKind() == AreaKind.HAZARD_ZONES) {
                EventStatements.update(connection, "UPDATE disaster_event SET area_layer_version_id = (SELECT "
                        + "current_version_id FROM geo_layer WHERE id = ?) WHERE id = ?", event.areaLayerId(), id);
            }
            // the area's layer may have a new version: its zones decide which shelters are safe
            safeShelters.compute(connection, events.get(id));
            int emailed = safetyChecks.includeNewHouseholds(connection, id, now);
            lifecycle.record(Actor.of(viewer), DisasterEvents.step(events.get(id), EventAction.REEVALUATE_AREA, now)
                    .detail("追加 " + added + "世帯" + (emailed > 0 ? "（安否確認メール " + emailed + "通）" : "")));
            return added;
        });
    }
}
