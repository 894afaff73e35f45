package jp.inochi.devices;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * 修理: from the day the device went to repair until it came back, with the cost and whether the family bears it
 * (seed 000, line 538). {@code loanId} names the loan the device was taken from, if any.
 */
@Serdeable
@MappedEntity("device_repair")
public record DeviceRepair(
        @Id @GeneratedValue @Nullable Long id,
        long deviceId,
        @Nullable Long loanId,
        LocalDate sentOn,
        String reason,
        @Nullable LocalDate finishedOn,
        @Nullable Integer costYen,
        boolean familyLiable,
        @Nullable String liabilityNote,
        Instant createdAt,
        Instant updatedAt,
        @Version @Nullable Long version) {

    public boolean open() {
        return finishedOn == null;
    }

    DeviceRepair finished(LocalDate on, Instant now) {
        return new DeviceRepair(id, deviceId, loanId, sentOn, reason, on, costYen, familyLiable, liabilityNote,
                createdAt, now, version);
    }

    DeviceRepair withCost(@Nullable Integer cost, boolean liable, @Nullable String note, Instant now) {
        return new DeviceRepair(id, deviceId, loanId, sentOn, reason, finishedOn, cost, liable, note, createdAt, now,
                version);
    }
}
