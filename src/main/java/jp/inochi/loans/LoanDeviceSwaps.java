package jp.inochi.loans;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import jp.inochi.devices.Device;
import jp.inochi.devices.DeviceAction;
import jp.inochi.devices.DeviceState;
import jp.inochi.devices.Devices;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.ExpectedVersion;
import jp.inochi.lifecycle.LifecycleLog;
import jp.inochi.lifecycle.LifecycleLog.Step;
import jp.inochi.lifecycle.SubjectType;
import jp.inochi.loans.model.DeviceSwapPolicy;
import jp.inochi.loans.model.LoanAction;
import jp.inochi.loans.model.RemovedDeviceGoesTo;
import jp.inochi.platform.problem.ConflictException;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.problem.NotFoundException;

import static jp.inochi.loans.StepInput.dateWithin;
import static jp.inochi.loans.model.LoanAction.LIFECYCLE;

/**
 * 装置の交換: a generator that breaks mid-loan is replaced by another sine-wave generator. The loan goes on with its
 * dates and deadlines; the removed device comes back to inspection or repair; both devices' histories and the loan's
 * timeline show the swap, and {@link DeviceSwapped} tells the family's evacuation plan.
 */
@Singleton
public class LoanDeviceSwaps {
    private final Loans loans;
    private final LoanRepository repository;
    private final Devices devices;
    private final LifecycleLog log;
    private final ApplicationEventPublisher<DeviceSwapped> swaps;
    private final Clock clock;

    LoanDeviceSwaps(Loans loans, LoanRepository repository, Devices devices, LifecycleLog log,
                    ApplicationEventPublisher<DeviceSwapped> swaps, Clock clock) {
        this.loans = loans;
        this.repository = repository;
        this.devices = devices;
        this.log = log;
        this.swaps = swaps;
        this.clock = clock;
    }

    @Serdeable
    public record DeviceSwap(@NotNull Long deviceId, @Nullable LocalDate swappedOn,
                             @NotNull RemovedDeviceGoesTo removedGoesTo, @NotBlank @Size(max = 2000) String reason,
                             @Nullable Long version) {
    }

    /** The devices a running loan may be swapped to: available sine-wave generators. */
    public List<Device> candidates() {
        return devices.list(DeviceState.AVAILABLE).stream().filter(Device::sineWave).toList();
    }

    @Transactional
    public Loan swap(Actor actor, long id, @Valid DeviceSwap swap) {
        Loan current = loans.get(id);
        ExpectedVersion.check(swap.version(), current.version());
        LIFECYCLE.next(current.state(), LoanAction.SWAP_DEVICE);
        Device removed = devices.get(current.deviceId());
        Device replacement = replacement(swap.deviceId());
        DeviceSwapPolicy.refusal(new DeviceSwapPolicy.Replacement(replacement.serialNumber(), replacement.sineWave(),
                        replacement.state() == DeviceState.AVAILABLE, replacement.state().label(),
                        replacement.id().equals(removed.id())))
                .ifPresent(refusal -> {
                    throw new ConflictException(refusal);
                });
        LocalDate on = dateWithin(clock, swap.swappedOn(), current.startDate(), "貸与開始日", "swappedOn");
        String reason = swap.reason().strip();
        Long household = current.householdId();
        devices.move(actor, removed.id(), DeviceAction.SWAP_OUT,
                "交換先 " + replacement.serialNumber() + "：" + reason, on, household, id);
        if (swap.removedGoesTo() == RemovedDeviceGoesTo.IN_REPAIR) {
            devices.move(actor, removed.id(), DeviceAction.SEND_TO_REPAIR, reason, on, household, id);
        }
        devices.move(actor, replacement.id(), DeviceAction.SWAP_IN,
                "交換前 " + removed.serialNumber() + "：" + reason, on, household, id);
        Loan saved = repository.update(current.withDevice(replacement.id(), clock.instant()));
        log.record(actor, Step.of(SubjectType.LOAN, id, LoanAction.SWAP_DEVICE, on).household(household).loan(id)
                .reason(removed.serialNumber() + " → " + replacement.serialNumber() + "（回収した装置は"
                        + swap.removedGoesTo().label() + "へ）：" + reason)
                .detail("device=" + removed.id() + "->" + replacement.id() + " removedGoesTo=" + swap.removedGoesTo()));
        swaps.publishEvent(new DeviceSwapped(household, id, removed.id(), removed.serialNumber(), replacement.id(),
                replacement.serialNumber()));
        return saved;
    }

    private Device replacement(long deviceId) {
        try {
            return devices.get(deviceId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("deviceId", "装置（番号 " + deviceId + "）が見つかりません");
        }
    }
}
