package jp.inochi.loans;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The family's acceptance of the two terms of line 538; both must be accepted, at the handover or later. */
@Serdeable
public record TermsAccepted(
        @NotNull @AssertTrue(message = "保守管理費用（電気料金・燃料費等）のご負担への同意が必要です") Boolean runningCostsAccepted,
        @NotNull @AssertTrue(message = "紛失・破損時の修理費用等のご負担への同意が必要です") Boolean repairLiabilityAccepted,
        @NotBlank @Size(max = 100) String acceptedByName) {
}
