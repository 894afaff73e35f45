package jp.inochi.audit;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.Viewer;

/**
 * Writes the audit log. Every feature that returns a household's personal data calls
 * {@link #householdsRead} (or {@link #householdsExported}) with the households it returned.
 */
@Singleton
public class AuditLog {
    private final AuditEntryRepository repository;
    private final Clock clock;

    AuditLog(AuditEntryRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** One entry per household shown, each with its own basis (consent or declaration may differ row by row). */
    public void householdsRead(Viewer viewer, String resource, Collection<HouseholdAccess> households) {
        writeHouseholdEntries(viewer, AuditAction.READ, resource, households, null);
    }

    /** An export is logged for each household in it, with the export's total row count on every entry. */
    public void householdsExported(Viewer viewer, String resource, Collection<HouseholdAccess> households) {
        writeHouseholdEntries(viewer, AuditAction.EXPORT, resource, households, households.size());
    }

    /** A change to a record: a household's data, a loan's state, a declaration... */
    public void changed(Viewer viewer, AuditAction action, String resource, String subjectType, Object subjectId,
                        @Nullable Long householdId, @Nullable String detail) {
        repository.save(new AuditEntry(null, clock.instant(), viewer.userId(), viewer.username(), viewer.role().name(),
                viewer.clientAddress(), action, resource, subjectType, String.valueOf(subjectId), householdId,
                householdId == null ? null : AccessBasis.CENTER, null, null, detail));
    }

    /** Something the service did by itself (a sweep, a job) or an event with no signed-in user. */
    public void system(AuditAction action, String resource, String subjectType, Object subjectId,
                       @Nullable Long householdId, @Nullable String detail) {
        repository.save(new AuditEntry(null, clock.instant(), null, "system", "SYSTEM", null, action, resource,
                subjectType, String.valueOf(subjectId), householdId, AccessBasis.SYSTEM, null, null, detail));
    }

    private void writeHouseholdEntries(Viewer viewer, AuditAction action, String resource,
                                       Collection<HouseholdAccess> households, @Nullable Integer rowCount) {
        if (households.isEmpty() && action == AuditAction.READ) {
            return;
        }
        var now = clock.instant();
        List<AuditEntry> entries = households.isEmpty()
                ? List.of(new AuditEntry(null, now, viewer.userId(), viewer.username(), viewer.role().name(),
                        viewer.clientAddress(), action, resource, "household", null, null, null, null, 0, null))
                : households.stream().map(access -> new AuditEntry(null, now, viewer.userId(), viewer.username(),
                        viewer.role().name(), viewer.clientAddress(), action, resource, "household",
                        String.valueOf(access.householdId()), access.householdId(), access.basis(), null, rowCount, null))
                        .toList();
        repository.saveAll(entries);
    }
}
