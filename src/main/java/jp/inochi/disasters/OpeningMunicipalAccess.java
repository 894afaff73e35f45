package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import jp.inochi.access.Role;
import jp.inochi.access.Viewer;
import jp.inochi.disasters.model.EventAction;
import jp.inochi.disasters.model.EventLifecycle;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.LifecycleLog;
import jp.inochi.platform.problem.InochiException;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.problem.ProblemType;

/**
 * Opening municipal access for an event's municipalities: a disaster declaration through {@link Declarations}
 * (center admins only), with the event or later.
 */
@Singleton
public class OpeningMunicipalAccess {
    /** How long municipal access stays open when the admin does not say (extend it through the declarations API). */
    static final Duration DEFAULT_ACCESS = Duration.ofDays(7);

    private final DisasterEvents events;
    private final DisasterEventRepository repository;
    private final Declarations declarations;
    private final LifecycleLog lifecycle;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    OpeningMunicipalAccess(DisasterEvents events, DisasterEventRepository repository, Declarations declarations,
                           LifecycleLog lifecycle, TransactionOperations<Connection> transactions, Clock clock) {
        this.events = events;
        this.repository = repository;
        this.declarations = declarations;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Open municipal access with the event: until {@code endsAt} (default 7 days), for the reason given. */
    public record MunicipalAccess(@Nullable Instant endsAt, @Nullable String reason) {
    }

    /** Opens municipal access for the event's municipalities: a disaster declaration (center admins only). */
    public DisasterEvent openMunicipalAccess(Viewer viewer, long id, MunicipalAccess access, String resource) {
        requireAdmin(viewer);
        Instant now = clock.instant();
        return transactions.executeWrite(status -> {
            DisasterEvent event = events.getForUpdate(id, null);
            EventLifecycle.MACHINE.next(event.state(), EventAction.OPEN_MUNICIPAL_ACCESS);
            return openAccess(viewer, event, access, resource, now);
        });
    }

    /** Within the caller's transaction (declaring opens it with the event). */
    DisasterEvent openAccess(Viewer viewer, DisasterEvent event, MunicipalAccess access, String resource, Instant now) {
        if (event.municipalityCodes().isEmpty()) {
            throw new InvalidInputException("municipalAccess", "この災害対応の範囲には世帯がないため、市町村への情報提供は開始できません");
        }
        if (event.declarationId() != null && declarations.get(viewer, event.declarationId()).status(now)
                != DeclarationStatus.ENDED) {
            throw new InochiException(ProblemType.CONFLICT, "この災害対応の災害宣言（" + event.declarationId()
                    + "）が発令中です。期間は災害宣言の延長で変えてください");
        }
        Instant endsAt = access.endsAt() != null ? access.endsAt() : now.plus(DEFAULT_ACCESS);
        String reason = "災害対応「" + event.name() + "」（" + event.eventType().label() + "）"
                + (access.reason() == null || access.reason().isBlank() ? "" : ": " + access.reason().strip());
        DisasterDeclaration declaration = declarations.declare(viewer, new Declarations.Declaration(
                event.municipalityCodes(), DeclaredHazard.valueOf(event.eventType().declaredHazard()),
                reason.length() > 1000 ? reason.substring(0, 1000) : reason, null, endsAt), resource);
        DisasterEvent linked = repository.update(event.withDeclaration(declaration.id(), now));
        lifecycle.record(Actor.of(viewer), DisasterEvents.step(linked, EventAction.OPEN_MUNICIPAL_ACCESS, now)
                .detail("災害宣言 " + declaration.id() + "（" + String.join(",", declaration.municipalityCodes()) + "、"
                        + declaration.endsAt() + " まで）"));
        return linked;
    }

    static void requireAdmin(Viewer viewer) {
        if (viewer.role() != Role.CENTER_ADMIN) {
            throw new InochiException(ProblemType.FORBIDDEN, "市町村への情報提供（災害宣言）を開始できるのはセンター管理者だけです");
        }
    }
}
