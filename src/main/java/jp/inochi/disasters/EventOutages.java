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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Viewer;
import jp.inochi.disasters.model.EventAction;
import jp.inochi.disasters.model.EventLifecycle;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.LifecycleLog;
import jp.inochi.municipalities.Municipalities;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InvalidInputException;

/** The event's power outage: when it began, and when power is expected back, for the event and per municipality. */
@Singleton
public class EventOutages {
    private final DisasterEvents events;
    private final DisasterEventRepository repository;
    private final Municipalities municipalities;
    private final LifecycleLog lifecycle;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    EventOutages(DisasterEvents events, DisasterEventRepository repository, Municipalities municipalities,
                 LifecycleLog lifecycle, TransactionOperations<Connection> transactions, Clock clock) {
        this.events = events;
        this.repository = repository;
        this.municipalities = municipalities;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** An expected restoration for one municipality, overriding the event's. */
    public record Restoration(String municipalityCode, Instant expectedAt) {
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
            DisasterEvent event = events.getForUpdate(id, expectedVersion);
            EventLifecycle.MACHINE.next(event.state(), EventAction.UPDATE_OUTAGE);
            EventTimes.checkUpdate(event.startsAt(), outageStartedAt, expectedRestorationAt, now);
            Instant from = outageStartedAt != null ? outageStartedAt : event.startsAt();
            overrides.forEach((code, at) -> {
                if (!at.isAfter(from)) {
                    throw new InvalidInputException("byMunicipality", code + " の復旧見込みは停電の開始より後にしてください");
                }
            });
            DisasterEvent updated = repository.update(event.withOutage(outageStartedAt, expectedRestorationAt, now));
            Connection connection = status.getConnection();
            EventStatements.update(connection, "DELETE FROM disaster_event_restoration WHERE event_id = ?", id);
            for (Map.Entry<String, Instant> entry : overrides.entrySet()) {
                EventStatements.update(connection, "INSERT INTO disaster_event_restoration (event_id, municipality_code, "
                        + "expected_at) VALUES (?, ?, ?)", id, entry.getKey(), entry.getValue());
            }
            lifecycle.record(Actor.of(viewer), DisasterEvents.step(updated, EventAction.UPDATE_OUTAGE, now)
                    .detail("停電開始 " + outageStartedAt + " / 復旧見込み " + expectedRestorationAt
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
}
