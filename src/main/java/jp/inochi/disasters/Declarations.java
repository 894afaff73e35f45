package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditAction;
import jp.inochi.audit.AuditLog;
import jp.inochi.municipalities.Municipalities;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.IllegalTransitionException;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Declaring, extending and ending disaster declarations (center admins), each written to the audit log; and the
 * record of declarations that ran out by themselves. Officers see the declarations of their own municipality.
 */
@Singleton
public class Declarations {
    private static final Logger LOG = LoggerFactory.getLogger(Declarations.class);
    static final String RAN_OUT = "期間満了";

    private final DisasterDeclarationRepository repository;
    private final Municipalities municipalities;
    private final AuditLog auditLog;
    private final Clock clock;

    Declarations(DisasterDeclarationRepository repository, Municipalities municipalities, AuditLog auditLog, Clock clock) {
        this.repository = repository;
        this.municipalities = municipalities;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public record Declaration(List<String> municipalityCodes, DeclaredHazard hazard, String reason,
                              @Nullable Instant startsAt, Instant endsAt) {
    }

    @Transactional
    public DisasterDeclaration declare(Viewer admin, Declaration declaration, String resource) {
        Instant now = now();
        Instant startsAt = declaration.startsAt() == null ? now : declaration.startsAt();
        List<FieldError> errors = new ArrayList<>();
        List<String> codes = List.copyOf(new LinkedHashSet<>(declaration.municipalityCodes()));
        for (String code : codes) {
            if (municipalities.municipality(code).isEmpty()) {
                errors.add(new FieldError("municipalityCodes", "熊本県内の市町村コード（区コードではなく）を指定してください: " + code));
            }
        }
        DeclarationPeriodPolicy.forNewDeclaration(startsAt, declaration.endsAt(), now)
                .forEach(violation -> errors.add(new FieldError(violation.field(), violation.message())));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        DisasterDeclaration saved = repository.save(new DisasterDeclaration(null, codes, declaration.hazard(),
                declaration.reason(), startsAt, declaration.endsAt(), null, admin.userId(), now, null, null, null));
        auditLog.declarationChanged(admin, AuditAction.DECLARE, resource, saved.id(),
                saved.hazardType().name() + " " + String.join(",", codes) + " " + startsAt + "〜" + saved.endsAt()
                        + " 理由: " + saved.reason());
        LOG.info("Disaster declaration {} declared by user id {} for {} municipalities", saved.id(), admin.userId(), codes.size());
        return saved;
    }

    @Transactional
    public DisasterDeclaration extend(Viewer admin, long id, Instant newEnd, String reason, String resource) {
        Instant now = now();
        DisasterDeclaration declaration = get(admin, id);
        refuseIfEnded(declaration, now, "延長");
        List<FieldError> errors = DeclarationPeriodPolicy.forExtension(declaration, newEnd, now).stream()
                .map(violation -> new FieldError(violation.field(), violation.message())).toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        DisasterDeclaration extended = repository.update(declaration.extendedTo(newEnd));
        auditLog.declarationChanged(admin, AuditAction.EXTEND, resource, id,
                "終了 " + declaration.endsAt() + " → " + newEnd + " 理由: " + reason);
        return extended;
    }

    @Transactional
    public DisasterDeclaration end(Viewer admin, long id, String reason, String resource) {
        Instant now = now();
        DisasterDeclaration declaration = get(admin, id);
        refuseIfEnded(declaration, now, "終了");
        DisasterDeclaration ended = repository.update(declaration.endedAt(now, admin.userId(), reason));
        auditLog.declarationChanged(admin, AuditAction.END, resource, id, "早期終了 " + now + " 理由: " + reason);
        return ended;
    }

    /** Writes "ended by itself" for declarations whose end time passed; access already stopped at that instant. */
    @Transactional
    public int recordRunOut() {
        Instant now = now();
        List<DisasterDeclaration> runOut = repository.findRunOutUnrecorded(now);
        for (DisasterDeclaration declaration : runOut) {
            repository.update(declaration.endedAt(declaration.endsAt(), null, RAN_OUT));
            auditLog.declarationExpired(declaration.id(), declaration.endsAt(), RAN_OUT);
        }
        if (!runOut.isEmpty()) {
            LOG.info("{} disaster declarations ran out and were recorded as ended", runOut.size());
        }
        return runOut.size();
    }

    /** Center and auditors see every declaration; an officer sees those naming their municipality. */
    public List<DisasterDeclaration> visibleTo(Viewer viewer) {
        return viewer.isMunicipalOfficer()
                ? repository.findCovering(viewer.municipalityCode())
                : repository.findAllNewestFirst();
    }

    public DisasterDeclaration get(Viewer viewer, long id) {
        return repository.findById(id)
                .filter(declaration -> !viewer.isMunicipalOfficer() || declaration.covers(viewer.municipalityCode()))
                .orElseThrow(() -> new NotFoundException("災害宣言"));
    }

    /** The Clock's instant as the database keeps it (microseconds), so a declaration is active the moment it is made. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void refuseIfEnded(DisasterDeclaration declaration, Instant now, String action) {
        if (declaration.status(now) == DeclarationStatus.ENDED) {
            throw new IllegalTransitionException("終了した災害宣言は" + action + "できません。必要なら新しく宣言してください",
                    DeclarationStatus.ENDED.name(), List.of());
        }
    }
}
