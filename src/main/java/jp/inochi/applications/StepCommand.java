package jp.inochi.applications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A review step of a program or loan application, with an optional note, the date it took effect (default today)
 * and the version the client saw.
 */
@Serdeable
public record StepCommand(@Nullable @Size(max = 2000) String note, @Nullable LocalDate effectiveOn,
                          @Nullable Long version) {
    public static StepCommand today() {
        return new StepCommand(null, null, null);
    }
}
