package jp.inochi.loans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import jp.inochi.loans.model.PlanStatus;

/** A loan's 個別避難計画 status under a municipality the family has since left. */
@Serdeable
@MappedEntity("loan_plan_status_archive")
public record PlanStatusArchive(
        @Id @GeneratedValue @Nullable Long id,
        long loanId,
        long householdId,
        @Nullable String municipalityCode,
        PlanStatus planStatus,
        @Nullable LocalDate appliedOn,
        @Nullable LocalDate acceptedOn,
        @Nullable LocalDate completedOn,
        LocalDate archivedOn,
        Instant archivedAt) {
}
