package jp.inochi.loans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.time.LocalDate;
import jp.inochi.applications.ReviewedApplication;
import jp.inochi.loans.model.LoanApplicationState;

/** 貸与申請. */
@MappedEntity("loan_application")
public record LoanApplication(
        @Id @GeneratedValue @Nullable Long id,
        long programApplicationId,
        long householdId,
        LoanApplicationState state,
        LocalDate receivedOn,
        @Nullable String informationRequest,
        @Nullable LocalDate decidedOn,
        @Nullable String decisionReason,
        @Nullable Long decidedBy,
        @Nullable Long deviceId,
        @Nullable LocalDate deviceAssignedOn,
        Instant createdAt,
        Instant updatedAt,
        @Version @Nullable Long version) implements ReviewedApplication<LoanApplicationState, LoanApplication> {

    @Override
    public LoanApplication moved(LoanApplicationState next, Instant now) {
        return new LoanApplication(id, programApplicationId, householdId, next, receivedOn, informationRequest,
                decidedOn, decisionReason, decidedBy, deviceId, deviceAssignedOn, createdAt, now, version);
    }

    @Override
    public LoanApplication withInformationRequest(String message) {
        return new LoanApplication(id, programApplicationId, householdId, state, receivedOn, message,
                decidedOn, decisionReason, decidedBy, deviceId, deviceAssignedOn, createdAt, updatedAt, version);
    }

    LoanApplication decided(LocalDate on, @Nullable String reason, @Nullable Long by) {
        return new LoanApplication(id, programApplicationId, householdId, state, receivedOn, informationRequest,
                on, reason, by, deviceId, deviceAssignedOn, createdAt, updatedAt, version);
    }

    LoanApplication withDevice(@Nullable Long device, @Nullable LocalDate assignedOn) {
        return new LoanApplication(id, programApplicationId, householdId, state, receivedOn, informationRequest,
                decidedOn, decisionReason, decidedBy, device, assignedOn, createdAt, updatedAt, version);
    }
}
