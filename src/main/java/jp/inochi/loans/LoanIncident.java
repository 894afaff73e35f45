package jp.inochi.loans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import jp.inochi.loans.model.IncidentKind;

/** 紛失・破損: what happened to the device during a loan, its cost, and whether the family is liable (line 538). */
@Serdeable
@MappedEntity("loan_incident")
public record LoanIncident(
        @Id @GeneratedValue @Nullable Long id,
        long loanId,
        long deviceId,
        LocalDate occurredOn,
        IncidentKind kind,
        String description,
        @Nullable Integer repairCostYen,
        boolean familyLiable,
        @Nullable String liabilityNote,
        @Nullable Long recordedBy,
        Instant createdAt) {
}
