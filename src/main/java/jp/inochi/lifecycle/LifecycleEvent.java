package jp.inochi.lifecycle;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;

/** One step of a lifecycle: who, when (recorded and effective), why, and the state before and after. */
@Serdeable
@MappedEntity("lifecycle_event")
public record LifecycleEvent(
        @Id @GeneratedValue @Nullable Long id,
        Instant occurredAt,
        LocalDate effectiveOn,
        SubjectType subjectType,
        long subjectId,
        @Nullable Long householdId,
        @Nullable Long loanId,
        String action,
        @Nullable String stateBefore,
        @Nullable String stateAfter,
        @Nullable String reason,
        @Nullable String detail,
        @Nullable Long actorUserId,
        String actorUsername,
        String actorRole) {
}
