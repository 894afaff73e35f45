package jp.inochi.applications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.time.LocalDate;
import jp.inochi.applications.model.ProgramApplicationState;

/** 事業利用申請. */
@MappedEntity("program_application")
public record ProgramApplication(
        @Id @GeneratedValue @Nullable Long id,
        long householdId,
        ProgramApplicationState state,
        LocalDate receivedOn,
        @Nullable LocalDate plannedDischargeDate,
        @Nullable String subsidyExceptionReason,
        @Nullable String informationRequest,
        @Nullable LocalDate decidedOn,
        @Nullable String decisionReason,
        @Nullable Long decidedBy,
        @Nullable String eligibilityAtDecision,
        Instant createdAt,
        Instant updatedAt,
        @Version @Nullable Long version) implements ReviewedApplication<ProgramApplicationState, ProgramApplication> {

    @Override
    public ProgramApplication moved(ProgramApplicationState next, Instant now) {
        return new ProgramApplication(id, householdId, next, receivedOn, plannedDischargeDate, subsidyExceptionReason, informationRequest,
                decidedOn, decisionReason, decidedBy, eligibilityAtDecision, createdAt, now, version);
    }

    @Override
    public ProgramApplication withInformationRequest(String message) {
        return new ProgramApplication(id, householdId, state, receivedOn, plannedDischargeDate, subsidyExceptionReason, message,
                decidedOn, decisionReason, decidedBy, eligibilityAtDecision, createdAt, updatedAt, version);
    }

    ProgramApplication withSubsidyException(String reason) {
        return new ProgramApplication(id, householdId, state, receivedOn, plannedDischargeDate, reason, informationRequest,
                decidedOn, decisionReason, decidedBy, eligibilityAtDecision, createdAt, updatedAt, version);
    }

    ProgramApplication decided(LocalDate on, @Nullable String reason, @Nullable Long by, @Nullable String eligibility) {
        return new ProgramApplication(id, householdId, state, receivedOn, plannedDischargeDate, subsidyExceptionReason, informationRequest,
                on, reason, by, eligibility, createdAt, updatedAt, version);
    }
}
