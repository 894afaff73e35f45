package jp.inochi.consultations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import jp.inochi.consultations.model.ConsultationChannel;

/** A consultation as staff enter or correct it; the links to a household and an application are a separate action. */
@Serdeable
public record ConsultationDetails(
        @NotNull LocalDate consultedOn,
        @NotNull ConsultationChannel channel,
        @NotBlank @Size(max = 100) String consulterName,
        @Nullable @Size(max = 50) String consulterRelation,
        @Nullable @Size(max = 200) String consulterContact,
        @Nullable @Size(max = 100) String childName,
        @Nullable @Size(max = 100) String childNameKana,
        @NotBlank @Size(max = 2000) String topic,
        @Nullable @Size(max = 2000) String outcome,
        @Nullable LocalDate followUpOn,
        @Nullable @Size(max = 2000) String followUpNote,
        @Nullable Long version) {
}
