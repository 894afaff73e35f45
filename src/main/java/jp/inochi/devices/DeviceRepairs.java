package jp.inochi.devices;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.Dates;
import jp.inochi.lifecycle.ExpectedVersion;
import jp.inochi.lifecycle.LifecycleLog;
import jp.inochi.lifecycle.LifecycleLog.Step;
import jp.inochi.lifecycle.SubjectType;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.platform.time.JapanTime;

import static jp.inochi.applications.ApplicationReview.blankToNull;

/**
 * A device's repairs: back from repair with what it cost, and the cost and liability corrected once the bill is in.
 * Repairs open whenever a device enters 修理中 ({@link RepairRecords}); a swapped-out device's repair names its loan.
 */
@Singleton
public class DeviceRepairs {
    private final Devices devices;
    private final DeviceRepairRepository repairs;
    private final LifecycleLog log;
    private final Clock clock;

    DeviceRepairs(Devices devices, DeviceRepairRepository repairs, LifecycleLog log, Clock clock) {
        this.devices = devices;
        this.repairs = repairs;
        this.log = log;
        this.clock = clock;
    }

    /** The cost of a repair and who bears it; the family only for damage it caused (line 538). */
    @Serdeable
    public record RepairCost(@Nullable @Min(0) @Max(10_000_000) Integer costYen, @Nullable Boolean familyLiable,
                             @Nullable @Size(max = 2000) String liabilityNote, @Nullable Long version) {
        boolean liable() {
            return Boolean.TRUE.equals(familyLiable);
        }
    }

    /** The device is back from repair: what was done, on which day, and (if known) the cost. */
    @Serdeable
    public record RepairDone(@NotBlank @Size(max = 2000) String reason, @Nullable LocalDate finishedOn,
                             @Nullable @Min(0) @Max(10_000_000) Integer costYen, @Nullable Boolean familyLiable,
                             @Nullable @Size(max = 2000) String liabilityNote) {
    }

    public DeviceRepair get(long repairId) {
        return repairs.findById(repairId).orElseThrow(() -> new NotFoundException("修理"));
    }

    public List<DeviceRepair> ofDevice(long deviceId) {
        devices.get(deviceId);
        return repairs.findByDeviceIdOrderByIdDesc(deviceId);
    }

    public List<DeviceRepair> ofLoan(long loanId) {
        return repairs.findByLoanIdOrderById(loanId);
    }

    /** 修理完了: only a device in repair (else 409); the device is available again and the repair closes. */
    @Transactional
    public DeviceRepair finish(Actor actor, long deviceId, @Valid RepairDone done) {
        Device device = devices.get(deviceId);
        if (!DeviceAction.LIFECYCLE.allows(device.state(), DeviceAction.FINISH_REPAIR)) {
            throw DeviceAction.LIFECYCLE.refusal(device.state(), DeviceAction.FINISH_REPAIR, devices.manualActions(device));
        }
        DeviceRepair open = repairs.findFirstByDeviceIdAndFinishedOnIsNull(deviceId).orElse(null);
        LocalDate today = JapanTime.today(clock);
        LocalDate on = done.finishedOn() == null ? today : done.finishedOn();
        List<FieldError> errors = new ArrayList<>();
        Dates.notInFuture(errors, "finishedOn", on, today);
        if (open != null) {
            Dates.notBefore(errors, "finishedOn", on, open.sentOn(), "修理に出した日");
            errors.addAll(RepairLiability.problems(open.loanId(), Boolean.TRUE.equals(done.familyLiable()), done.liabilityNote()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        devices.move(actor, deviceId, DeviceAction.FINISH_REPAIR, done.reason(), on, null, open == null ? null : open.loanId());
        DeviceRepair closed = open == null ? null : repairs.findById(open.id()).orElseThrow();
        // finishing without a cost or the family's liability keeps what was recorded while the device was away
        if (closed == null || (done.costYen() == null && !Boolean.TRUE.equals(done.familyLiable()))) {
            return closed;
        }
        return saveCost(actor, closed, new RepairCost(done.costYen(), done.familyLiable(), done.liabilityNote(), null), on);
    }

    /** Records or corrects the cost and the liability, while the device is away or after it is back. */
    @Transactional
    public DeviceRepair recordCost(Actor actor, long repairId, @Valid RepairCost cost) {
        DeviceRepair current = get(repairId);
        ExpectedVersion.check(cost.version(), current.version());
        List<FieldError> errors = RepairLiability.problems(current.loanId(), cost.liable(), cost.liabilityNote());
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return saveCost(actor, current, cost, JapanTime.today(clock));
    }

    private DeviceRepair saveCost(Actor actor, DeviceRepair repair, RepairCost cost, LocalDate on) {
        DeviceRepair updated = repairs.update(repair.withCost(cost.costYen(), cost.liable(),
                cost.liable() ? blankToNull(cost.liabilityNote()) : null, clock.instant()));
        log.record(actor, Step.of(SubjectType.DEVICE, repair.deviceId(), RepairStep.RECORD_COST, on).loan(repair.loanId())
                .reason(cost.liable() ? "ご家族の負担：" + updated.liabilityNote() : "ご家族の負担なし")
                .detail("repair=" + repair.id() + " repairCostYen=" + cost.costYen() + " familyLiable=" + cost.liable()));
        return updated;
    }
}
