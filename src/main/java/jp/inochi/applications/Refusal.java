package jp.inochi.applications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Rejecting or withdrawing a program or loan application: the reason is required and kept with the decision. */
@Serdeable
public record Refusal(@NotBlank @Size(max = 2000) String reason, @Nullable LocalDate decidedOn,
                      @Nullable Long version) {
}
