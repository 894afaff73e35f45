package jp.inochi.applications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What the family is asked to send before the review of their program or loan application goes on. */
@Serdeable
public record InformationRequest(@NotBlank @Size(max = 2000) String message, @Nullable LocalDate effectiveOn,
                                 @Nullable Long version) {
}
