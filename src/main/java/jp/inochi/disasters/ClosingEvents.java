package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import jp.inochi.access.Role;
import jp.inochi.access.Viewer;
import jp.inochi.disasters.model.EventAction;
import jp.inochi.disasters.model.EventLifecycle;
import jp.inochi.disasters.model.EventState;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.LifecycleLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closing an event: no more emails go out (those waiting are cancelled when their turn comes), replies are no longer
 * taken, and the record stays as it is. A center admin's close may also end the event's declaration early (the page
 * asks); otherwise it runs out at its end.
 */
@Singleton
public class ClosingEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ClosingEvents.class);

    private final DisasterEvents events;
    private final DisasterEventRepository repository;
    private final Declarations declarations;
    private final LifecycleLog lifecycle;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    ClosingEvents(DisasterEvents events, DisasterEventRepository repository, Declarations declarations,
                  LifecycleLog lifecycle, TransactionOperations<Connection> transactions, Clock clock) {
        this.events = events;
        this.repository = repository;
        this.declarations = declarations;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Closes the event; a center admin's close also ends its declaration (the API's rule). */
    public DisasterEvent close(Viewer viewer, long id, String reason, @Nullable Long expectedVersion, String resource) {
        return close(viewer, id, reason, expectedVersion, true, resource);
    }

    /**
     * Closes the event; its active declaration ends with it when a center admin says so ({@code endDeclaration}),
     * and otherwise runs on to its own end, which the timeline says.
     */
    public DisasterEvent close(Viewer viewer, long id, String reason, @Nullable Long expectedVersion,
                               boolean endDeclaration, String resource) {
        Instant now = clock.instant();
        return transactions.executeWrite(status -> {
            DisasterEvent event = events.getForUpdate(id, expectedVersion);
            EventState next = EventLifecycle.MACHINE.next(event.state(), EventAction.CLOSE);
            DisasterEvent closed = repository.update(event.closed(viewer.userId(), reason, now));
            String declarationNote = "";
            if (event.declarationId() != null) {
                DisasterDeclaration declaration = declarations.get(viewer, event.declarationId());
                if (declaration.status(now) != DeclarationStatus.ENDED) {
                    if (endDeclaration && viewer.role() == Role.CENTER_ADMIN) {
                        declarations.end(viewer, declaration.id(), "災害対応「" + event.name() + "」の終了: " + reason, resource);
                        declarationNote = " / 災害宣言 " + declaration.id() + " を終了";
                    } else {
                        declarationNote = " / 災害宣言 " + declaration.id() + " は " + declaration.endsAt() + " まで継続";
                    }
                }
            }
            lifecycle.record(Actor.of(viewer), DisasterEvents.step(closed, EventAction.CLOSE, now)
                    .states(event.state(), next)
                    .reason(reason).detail(declarationNote.isEmpty() ? null : declarationNote.substring(3)));
            LOG.info("Disaster event {} closed by user id {}", id, viewer.userId());
            return closed;
        });
    }
}
