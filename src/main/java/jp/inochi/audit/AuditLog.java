package jp.inochi.audit;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.Viewer;

/**
 * Writes the audit log. Every feature that returns a household's personal data calls
 * {@link #householdsRead} (or {@link #householdsExported}) with the households it returned.
 */
@Singleton
public class AuditLog {
    /** The actor role written for a failed sign-in with a username that does not exist. */
    public static final String NO_ROLE = "NONE";

    private final AuditEntryRepository repository;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final ApplicationEventPublisher<RefusalRecorded> refusals;

    AuditLog(AuditEntryRepository repository, TransactionOperations<Connection> transactions, Clock clock,
             ApplicationEventPublisher<RefusalRecorded> refusals) {
        this.repository = repository;
        this.transactions = transactions;
        this.clock = clock;
        this.refusals = refusals;
    }

    /**
     * One entry per household shown, each with its own basis (consent or declaration may differ row by row).
     * Entries on the DECLARATION basis also name the disaster declaration that opened the access.
     */
    public void householdsRead(Viewer viewer, String resource, Collection<HouseholdAccess> households) {
        writeHouseholdEntries(viewer, AuditAction.READ, resource, households);
    }

    /** An export is logged for each household in it, with the export's total row count on every entry. */
    public void householdsExported(Viewer viewer, String resource, Collection<HouseholdAccess> households) {
        writeHouseholdEntries(viewer, AuditAction.EXPORT, resource, households);
    }

    /** A change to a record: a household's data, a loan's state, a declaration, a user... */
    public void changed(Viewer viewer, AuditAction action, String resource, String subjectType, Object subjectId,
                        @Nullable Long householdId, @Nullable String detail) {
        repository.save(new AuditEntry(null, clock.instant(), viewer.userId(), viewer.username(), viewer.role().name(),
                viewer.clientAddress(), action, resource, subjectType, String.valueOf(subjectId), householdId,
                householdId == null ? null : AccessBasis.CENTER, null, null, detail));
    }

    /** A bulk import confirmed: one entry for the whole file, with its row count (each row's change has its own). */
    public void imported(Viewer viewer, String resource, String subjectType, Object importId, int rowCount, String detail) {
        repository.save(new AuditEntry(null, clock.instant(), viewer.userId(), viewer.username(), viewer.role().name(),
                viewer.clientAddress(), AuditAction.IMPORT, resource, subjectType, String.valueOf(importId), null, null,
                null, rowCount, detail));
    }

    /** A change made to a disaster declaration (declared, extended, ended): the entry names the declaration. */
    public void declarationChanged(Viewer viewer, AuditAction action, String resource, long declarationId, String detail) {
        repository.save(new AuditEntry(null, clock.instant(), viewer.userId(), viewer.username(), viewer.role().name(),
                viewer.clientAddress(), action, resource, "disaster_declaration", String.valueOf(declarationId), null,
                null, declarationId, null, detail));
    }

    /** Something the service did by itself (a sweep, a job) or an event with no signed-in user. */
    public void system(AuditAction action, String resource, String subjectType, Object subjectId,
                       @Nullable Long householdId, @Nullable String detail) {
        repository.save(new AuditEntry(null, clock.instant(), null, "system", "SYSTEM", null, action, resource,
                subjectType, String.valueOf(subjectId), householdId, AccessBasis.SYSTEM, null, null, detail));
    }

    /** A declaration that reached its end time, recorded by the service. */
    public void declarationExpired(long declarationId, Instant endedAt, String detail) {
        repository.save(new AuditEntry(null, clock.instant(), null, "system", "SYSTEM", null, AuditAction.END,
                "declaration expiry", "disaster_declaration", String.valueOf(declarationId), null, AccessBasis.SYSTEM,
                declarationId, null, detail + " " + endedAt));
    }

    /**
     * A sign-in or a refused one. {@code userId} is null when no such user exists; then {@code username} must
     * not be what was typed (it may be a password typed into the wrong field).
     */
    public void signIn(AuditAction action, @Nullable Long userId, String username, @Nullable String role,
                       @Nullable String clientAddress, String resource, @Nullable String detail) {
        repository.save(new AuditEntry(null, clock.instant(), userId, username, role == null ? NO_ROLE : role,
                clientAddress, action, resource, "app_user", userId == null ? null : String.valueOf(userId), null,
                null, null, null, detail));
    }

    /** Someone searched or exported the audit log itself: who looked at who looked. */
    public void auditLogViewed(Viewer viewer, AuditAction action, String resource, int rowCount, String filter) {
        repository.save(new AuditEntry(null, clock.instant(), viewer.userId(), viewer.username(), viewer.role().name(),
                viewer.clientAddress(), action, resource, "audit_log", null, null, null, null, rowCount, filter));
    }

    /**
     * A refused request: the first refusal of a user, route and minute writes an entry (with what was asked and
     * from where), the next ones in that minute only count on it, so a flood of probes can't fill the disk. Then
     * {@link RefusalRecorded} is published (after the commit).
     */
    public void refused(Viewer viewer, String route, String detail) {
        Instant now = clock.instant();
        transactions.executeWrite(status -> {
            try (PreparedStatement upsert = status.getConnection().prepareStatement(UPSERT_REFUSAL)) {
                upsert.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                upsert.setLong(2, viewer.userId());
                upsert.setString(3, viewer.username());
                upsert.setString(4, viewer.role().name());
                upsert.setString(5, viewer.clientAddress());
                upsert.setString(6, route);
                upsert.setString(7, detail);
                return upsert.executeUpdate();
            }
        });
        refusals.publishEvent(new RefusalRecorded(viewer.userId(), now));
    }

    /** The conflict target is the unique index of migration V131: one REFUSED entry per user, route and minute. */
    static final String UPSERT_REFUSAL = """
            INSERT INTO audit_log (occurred_at, actor_user_id, actor_username, actor_role, client_address, action,
                                   resource, row_count, detail)
            VALUES (?, ?, ?, ?, ?, 'REFUSED', ?, 1, ?)
            ON CONFLICT (actor_user_id, resource, date_trunc('minute', occurred_at AT TIME ZONE 'UTC'))
                WHERE action = 'REFUSED'
            DO UPDATE SET row_count = audit_log.row_count + 1""";

    /**
     * The entries of a list read, for the statement that selects the list to write itself (see
     * {@link HouseholdEntries}): the same entries as {@link #householdsRead}, in the same transaction as the read.
     */
    public HouseholdEntries householdsReadBy(Viewer viewer, String resource) {
        return new HouseholdEntries(viewer, AuditAction.READ, resource, clock.instant());
    }

    /** As {@link #householdsReadBy}, for an export; an export that listed nobody still calls {@link #householdsExported}. */
    public HouseholdEntries householdsExportedBy(Viewer viewer, String resource) {
        return new HouseholdEntries(viewer, AuditAction.EXPORT, resource, clock.instant());
    }

    /** One entry per household in one statement and one commit, however many households a list shows. */
    static final String HOUSEHOLDS_SHOWN = "unnest(?::bigint[], ?::text[]) WITH ORDINALITY AS shown(id, basis, position)";

    private void writeHouseholdEntries(Viewer viewer, AuditAction action, String resource,
                                       Collection<HouseholdAccess> households) {
        if (households.isEmpty() && action == AuditAction.READ) {
            return;
        }
        Instant now = clock.instant();
        if (households.isEmpty()) {
            repository.save(new AuditEntry(null, now, viewer.userId(), viewer.username(), viewer.role().name(),
                    viewer.clientAddress(), action, resource, "household", null, null, null, null, 0, null));
            return;
        }
        HouseholdEntries entries = new HouseholdEntries(viewer, action, resource, now);
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement insert = connection.prepareStatement(entries.insertFrom(HOUSEHOLDS_SHOWN))) {
                int i = entries.bind(insert, 1);
                insert.setArray(i++, connection.createArrayOf("bigint",
                        households.stream().map(HouseholdAccess::householdId).toArray()));
                insert.setArray(i, connection.createArrayOf("text",
                        households.stream().map(access -> access.basis().name()).toArray()));
                return insert.executeUpdate();
            }
        });
    }
}
