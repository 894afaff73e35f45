package jp.inochi.devices;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/** Keeps {@code device_repair} in step with the device: a repair opens when it enters 修理中 and closes when it leaves. */
@Singleton
class RepairRecords {
    private final DeviceRepairRepository repairs;
    private final Clock clock;

    RepairRecords(DeviceRepairRepository repairs, Clock clock) {
        this.repairs = repairs;
        this.clock = clock;
    }

    void follow(long deviceId, DeviceState before, DeviceState after, @Nullable String reason, DeviceAction action,
                LocalDate on, @Nullable Long loanId) {
        Instant now = clock.instant();
        if (after == DeviceState.IN_REPAIR && before != DeviceState.IN_REPAIR) {
            repairs.save(new DeviceRepair(null, deviceId, loanId, on, reason == null || reason.isBlank()
                    ? action.label() : reason.strip(), null, null, false, null, now, now, null));
        } else if (before == DeviceState.IN_REPAIR && after != DeviceState.IN_REPAIR) {
            repairs.findFirstByDeviceIdAndFinishedOnIsNull(deviceId).ifPresent(open ->
                    repairs.update(open.finished(on.isBefore(open.sentOn()) ? open.sentOn() : on, now)));
        }
    }
}
