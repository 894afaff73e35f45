package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * 医療的ケア児等コーディネーター of a municipality, shown on each row of the call list (seed 002, lines 9013-9014:
 * a disaster-time network of municipal and prefectural coordinators). A business contact, not family data.
 */
@Serdeable
@MappedEntity("care_coordinator")
public record CareCoordinator(
        @Id @GeneratedValue @Nullable Long id,
        String municipalityCode,
        String name,
        @Nullable String organisation,
        @Nullable String phone,
        @Nullable String email,
        boolean primaryContact,
        boolean active,
        Instant createdAt,
        Instant updatedAt,
        @Version @Nullable Long version) {
}
