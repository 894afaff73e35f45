package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditAction;
import jp.inochi.audit.AuditLog;
import jp.inochi.households.HouseholdDirectory;
import jp.inochi.municipalities.Municipalities;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.reminders.outbox.Jdbc;

/**
 * The coordinators of each municipality (center staff keep the list; officers read their own municipality's), one of
 * them the primary contact shown for the municipality's households, and the households with a coordinator of their own.
 */
@Singleton
public class CareCoordinators {
    private final CareCoordinatorRepository repository;
    private final Municipalities municipalities;
    private final HouseholdDirectory directory;
    private final io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions;
    private final AuditLog auditLog;
    private final Clock clock;

    CareCoordinators(CareCoordinatorRepository repository, Municipalities municipalities, HouseholdDirectory directory,
                     io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions, AuditLog auditLog,
                     Clock clock) {
        this.repository = repository;
        this.municipalities = municipalities;
        this.directory = directory;
        this.transactions = transactions;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public record Details(String municipalityCode, String name, @Nullable String organisation, @Nullable String phone,
                          @Nullable String email, boolean primaryContact, boolean active) {
    }

    public List<CareCoordinator> visibleTo(Viewer viewer) {
        return viewer.isMunicipalOfficer() ? repository.findOfMunicipality(viewer.municipalityCode())
                : repository.findAllOrdered();
    }

    public CareCoordinator get(Viewer viewer, long id) {
        return repository.findById(id)
                .filter(found -> !viewer.isMunicipalOfficer() || found.municipalityCode().equals(viewer.municipalityCode()))
                .orElseThrow(() -> new NotFoundException("コーディネーター"));
    }

    /** The coordinator who answers for a household; the caller has checked the household is in the viewer's scope. */
    public java.util.Optional<CareCoordinator> forHousehold(long householdId) {
        return repository.findForHousehold(householdId);
    }

    @Transactional
    public CareCoordinator create(Viewer viewer, Details details, String resource) {
        check(details);
        Instant now = clock.instant();
        CareCoordinator saved = repository.save(new CareCoordinator(null, details.municipalityCode(), details.name().strip(),
                blank(details.organisation()), blank(details.phone()), blank(details.email()), false, details.active(),
                now, now, null));
        saved = primary(saved, details, now);
        auditLog.changed(viewer, AuditAction.CREATE, resource, "care_coordinator", saved.id(), null, saved.municipalityCode());
        return saved;
    }

    @Transactional
    public CareCoordinator update(Viewer viewer, long id, Details details, @Nullable Long version, String resource) {
        check(details);
        CareCoordinator current = get(viewer, id);
        Instant now = clock.instant();
        CareCoordinator updated = repository.update(new CareCoordinator(id, details.municipalityCode(), details.name().strip(),
                blank(details.organisation()), blank(details.phone()), blank(details.email()), false, details.active(),
                current.createdAt(), now, version == null ? current.version() : version));
        updated = primary(updated, details, now);
        auditLog.changed(viewer, AuditAction.UPDATE, resource, "care_coordinator", id, null, updated.municipalityCode());
        return updated;
    }

    /** The household's own coordinator (null: back to the municipality's primary contact). Center staff. */
    public void assign(Viewer viewer, long householdId, @Nullable Long coordinatorId, String resource) {
        directory.find(viewer, householdId).orElseThrow(() -> new NotFoundException("世帯"));
        if (coordinatorId != null) {
            CareCoordinator coordinator = repository.findById(coordinatorId).orElseThrow(() ->
                    new InvalidInputException("coordinatorId", "コーディネーター " + coordinatorId + " はいません"));
            if (!coordinator.active()) {
                throw new InvalidInputException("coordinatorId", "このコーディネーターは現在担当していません");
            }
        }
        transactions.executeWrite(status -> {
            if (coordinatorId == null) {
                Jdbc.update(status.getConnection(), "DELETE FROM household_coordinator WHERE household_id = ?", householdId);
            } else {
                Jdbc.update(status.getConnection(), """
                        INSERT INTO household_coordinator (household_id, coordinator_id, assigned_at, assigned_by)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (household_id) DO UPDATE SET coordinator_id = excluded.coordinator_id,
                            assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by""",
                        householdId, coordinatorId, clock.instant(), viewer.userId());
            }
            auditLog.changed(viewer, AuditAction.UPDATE, resource, "household", householdId, householdId,
                    "コーディネーター " + coordinatorId);
            return null;
        });
    }

    private CareCoordinator primary(CareCoordinator saved, Details details, Instant now) {
        if (!details.primaryContact() || !details.active()) {
            return saved;
        }
        repository.clearPrimary(saved.municipalityCode(), saved.id());
        return repository.update(new CareCoordinator(saved.id(), saved.municipalityCode(), saved.name(),
                saved.organisation(), saved.phone(), saved.email(), true, true, saved.createdAt(), now, saved.version()));
    }

    private void check(Details details) {
        if (details.municipalityCode() == null || municipalities.municipality(details.municipalityCode()).isEmpty()) {
            throw new InvalidInputException("municipalityCode", "熊本県の市町村コード（5桁）を指定してください");
        }
        if (details.name() == null || details.name().isBlank()) {
            throw new InvalidInputException("name", "氏名を入力してください");
        }
    }

    private static String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
