package jp.inochi.devices;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.Dates;
import jp.inochi.lifecycle.ExpectedVersion;
import jp.inochi.lifecycle.LifecycleLog;
import jp.inochi.lifecycle.LifecycleLog.Step;
import jp.inochi.lifecycle.SubjectType;
import jp.inochi.platform.problem.ConflictException;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.search.SearchQuery;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.platform.time.JapanTime;

/** The device inventory and each device's lifecycle. Loans move devices through {@link #move}. */
@Singleton
public class Devices {
    private final DeviceRepository devices;
    private final LifecycleLog log;
    private final jp.inochi.lifecycle.LifecycleEventRepository events;
    private final RepairRecords repairs;
    private final Clock clock;

    Devices(DeviceRepository devices, LifecycleLog log, jp.inochi.lifecycle.LifecycleEventRepository events,
            RepairRecords repairs, Clock clock) {
        this.devices = devices;
        this.log = log;
        this.events = events;
        this.repairs = repairs;
        this.clock = clock;
    }

    /** A device as staff enter it. */
    @Serdeable
    public record DeviceDetails(
            @NotBlank @Size(max = 64) String serialNumber,
            @NotBlank @Size(max = 100) String manufacturer,
            @NotBlank @Size(max = 100) String model,
            @NotNull @Min(1) @Max(10000) Integer ratedOutputWatts,
            @NotNull Boolean sineWave,
            @NotNull FuelType fuelType,
            @NotNull @DecimalMin(value = "0.1") @DecimalMax("100") BigDecimal tankLitres,
            @NotNull @DecimalMin(value = "0.1") @DecimalMax("200") BigDecimal runtimeHoursPerTank,
            @NotNull LocalDate purchaseDate,
            @Nullable DeviceCondition condition,
            @Nullable @Size(max = 2000) String notes,
            @Nullable Long version) {
    }

    public Device get(long id) {
        return devices.findById(id).orElseThrow(() -> new NotFoundException("装置"));
    }

    /** The devices 「検索」 finds (see DeviceRepository#findIdsMatchingSearch). */
    public List<Long> idsMatching(SearchQuery query) {
        return devices.findIdsMatchingSearch(query.text(), query.phoneDigits(), query.number());
    }

    public List<Device> list(@Nullable DeviceState state) {
        return state == null ? devices.findAllOrderBySerialNumber() : devices.findByStateOrderBySerialNumber(state);
    }

    @Transactional
    public Device register(Actor actor, @Valid DeviceDetails details) {
        validate(details);
        if (devices.existsBySerialNumber(details.serialNumber().strip())) {
            throw new ConflictException("製造番号「" + details.serialNumber().strip() + "」の装置は既に登録されています");
        }
        Instant now = clock.instant();
        Device saved = devices.save(new Device(null, details.serialNumber().strip(), details.manufacturer().strip(),
                details.model().strip(), details.ratedOutputWatts(), details.sineWave(), details.fuelType(),
                details.tankLitres(), details.runtimeHoursPerTank(), details.purchaseDate(),
                details.condition() == null ? DeviceCondition.GOOD : details.condition(), DeviceState.AVAILABLE,
                details.notes(), now, now, null));
        log.record(actor, new Step(SubjectType.DEVICE, saved.id(), null, null, "register", null,
                DeviceState.AVAILABLE.name(), null, saved.serialNumber(), JapanTime.today(clock)));
        return saved;
    }

    /** Corrects the inventory data; the state changes only through actions. */
    @Transactional
    public Device correct(Actor actor, long id, @Valid DeviceDetails details) {
        validate(details);
        Device current = get(id);
        ExpectedVersion.check(details.version(), current.version());
        String serial = details.serialNumber().strip();
        if (!serial.equals(current.serialNumber()) && devices.existsBySerialNumber(serial)) {
            throw new ConflictException("製造番号「" + serial + "」の装置は既に登録されています");
        }
        Device updated = devices.update(new Device(id, serial, details.manufacturer().strip(), details.model().strip(),
                details.ratedOutputWatts(), details.sineWave(), details.fuelType(), details.tankLitres(),
                details.runtimeHoursPerTank(), details.purchaseDate(),
                details.condition() == null ? current.condition() : details.condition(), current.state(),
                details.notes(), current.createdAt(), clock.instant(), current.version()));
        log.record(actor, new Step(SubjectType.DEVICE, id, null, null, "correct", current.state().name(),
                current.state().name(), null, null, JapanTime.today(clock)));
        return updated;
    }

    /**
     * Moves the device one step of its lifecycle, or refuses (409) naming its state and the actions allowed.
     * Loans pass the household and loan so the step appears on the loan's timeline.
     */
    @Transactional
    public Device move(Actor actor, long id, DeviceAction action, @Nullable String reason, LocalDate effectiveOn,
                       @Nullable Long householdId, @Nullable Long loanId) {
        Device current = get(id);
        DeviceState next = DeviceAction.LIFECYCLE.next(current.state(), action);
        Device moved = devices.update(current.withState(next, clock.instant()));
        repairs.follow(id, current.state(), next, reason, action, effectiveOn, loanId);
        log.record(actor, Step.of(SubjectType.DEVICE, id, action, effectiveOn).household(householdId).loan(loanId)
                .states(current.state(), next).reason(reason));
        return moved;
    }

    /** A step staff take on the device itself (repair, retire); loan steps are refused here. */
    @Transactional
    public Device moveManually(Actor actor, long id, DeviceAction action, @Nullable String reason) {
        Device current = get(id);
        if (!manualActions(current).contains(action.apiName())) {
            throw DeviceAction.LIFECYCLE.refusal(current.state(), action, manualActions(current));
        }
        return move(actor, id, action, reason, JapanTime.today(clock), null, null);
    }

    /** What staff can do to the device directly in its state. */
    public List<String> manualActions(Device device) {
        boolean swappedOut = device.state() == DeviceState.IN_INSPECTION && cameBackBySwap(device.id());
        return DeviceAction.LIFECYCLE.allowed(device.state()).stream().filter(DeviceAction::isManual)
                .filter(a -> a != DeviceAction.PASS_INSPECTION || swappedOut)
                .map(DeviceAction::apiName).toList();
    }

    /** In inspection because it was swapped out of a loan, not returned at its end (that return passes it itself). */
    private boolean cameBackBySwap(long id) {
        List<jp.inochi.lifecycle.LifecycleEvent> steps = events.findBySubjectTypeAndSubjectIdOrderByIdAsc(SubjectType.DEVICE, id)
                .stream().filter(e -> !java.util.Objects.equals(e.stateBefore(), e.stateAfter())).toList();
        return !steps.isEmpty() && DeviceAction.SWAP_OUT.apiName().equals(steps.get(steps.size() - 1).action());
    }

    public List<jp.inochi.lifecycle.LifecycleEvent> history(long id) {
        get(id);
        return events.findBySubjectTypeAndSubjectIdOrderByIdAsc(SubjectType.DEVICE, id);
    }

    /** Records the condition found at a check or at the return. */
    @Transactional
    public Device recordCondition(long id, DeviceCondition condition) {
        Device current = get(id);
        return current.condition() == condition ? current : devices.update(current.withCondition(condition, clock.instant()));
    }

    private void validate(DeviceDetails details) {
        List<FieldError> errors = new ArrayList<>();
        Dates.notInFuture(errors, "purchaseDate", details.purchaseDate(), JapanTime.today(clock));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
