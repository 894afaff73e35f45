package jp.inochi.loans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A center admin's decision that this loan application's loan runs a full term despite the child's earlier loans. */
@Serdeable
@MappedEntity("loan_term_exception")
public record LoanTermException(
        @Id @GeneratedValue @Nullable Long id,
        long loanApplicationId,
        long householdId,
        String reason,
        long recordedBy,
        Instant recordedAt) {
}
