package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.inochi.access.Viewer;
import jp.inochi.municipalities.Municipalities;
import jp.inochi.municipalities.Municipality;
import jp.inochi.platform.problem.NotFoundException;

/**
 * The declaration as the event page and the start page show it: its own hazard, where it stands (発令中, its end,
 * 終了) and, for the center, the declarations still open.
 */
@Singleton
public class EventDeclarations {
    private final Declarations declarations;
    private final Municipalities municipalities;
    private final Clock clock;

    EventDeclarations(Declarations declarations, Municipalities municipalities, Clock clock) {
        this.declarations = declarations;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    /** One declaration in words. */
    public record Shown(long id, String hazardLabel, DeclarationStatus status, String statusLabel, String startsAtLabel,
                        String endsAtLabel, @Nullable String endedAtLabel, @Nullable String endReason,
                        String municipalities) {
        /** Not yet ended: it can still be extended or ended. */
        public boolean open() {
            return status != DeclarationStatus.ENDED;
        }
    }

    /** The event's declaration, if it has one the viewer may see. */
    public Optional<Shown> of(Viewer viewer, @Nullable Long declarationId) {
        if (declarationId == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(shown(declarations.get(viewer, declarationId), clock.instant()));
        } catch (NotFoundException notTheirs) {
            return Optional.empty();
        }
    }

    /** The declarations not yet ended that the viewer sees, newest first. */
    public List<Shown> open(Viewer viewer) {
        Instant now = clock.instant();
        return declarations.visibleTo(viewer).stream().filter(d -> d.status(now) != DeclarationStatus.ENDED)
                .map(d -> shown(d, now)).toList();
    }

    private Shown shown(DisasterDeclaration declaration, Instant now) {
        DeclarationStatus status = declaration.status(now);
        return new Shown(declaration.id(), declaration.hazardType().label(), status, status.label(),
                EventViews.label(declaration.startsAt()), EventViews.label(declaration.endsAt()),
                EventViews.label(declaration.endedAt()), declaration.endReason(),
                String.join("・", declaration.municipalityCodes().stream()
                        .map(code -> municipalities.municipality(code).map(Municipality::name).orElse(code)).toList()));
    }
}
