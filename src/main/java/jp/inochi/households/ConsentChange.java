package jp.inochi.households;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

/** One change of a household's consents, as the household page's history shows it (seed 000, line 544). */
@MappedEntity("household_consent_change")
public record ConsentChange(
        @Id @GeneratedValue @Nullable Long id,
        long householdId,
        LocalDate changedOn,
        @Nullable String agreedBy,
        String scope,
        boolean sharesWithMunicipality,
        boolean emailContact,
        String ordinanceNote,
        String recordedBy,
        Instant recordedAt) {
}
