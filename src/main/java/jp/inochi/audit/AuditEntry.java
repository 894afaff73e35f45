package jp.inochi.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import jp.inochi.access.AccessBasis;

/** One line of the append-only audit log: who did what to which data, when, from where, and on what basis. */
@Serdeable
@MappedEntity("audit_log")
public record AuditEntry(
        @Id @GeneratedValue @Nullable Long id,
        Instant occurredAt,
        @Nullable Long actorUserId,
        String actorUsername,
        String actorRole,
        @Nullable String clientAddress,
        AuditAction action,
        String resource,
        @Nullable String subjectType,
        @Nullable String subjectId,
        @Nullable Long householdId,
        @Nullable AccessBasis basis,
        @Nullable Long declarationId,
        @Nullable Integer rowCount,
        @Nullable String detail) {
}
