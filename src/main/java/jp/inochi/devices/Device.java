package jp.inochi.devices;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** 非常用電源装置 (正弦波インバーター発電機, seed 000, line 521) in the center's inventory. */
@MappedEntity("device")
public record Device(
        @Id @GeneratedValue @Nullable Long id,
        String serialNumber,
        String manufacturer,
        String model,
        int ratedOutputWatts,
        boolean sineWave,
        FuelType fuelType,
        BigDecimal tankLitres,
        BigDecimal runtimeHoursPerTank,
        LocalDate purchaseDate,
        DeviceCondition condition,
        DeviceState state,
        @Nullable String notes,
        Instant createdAt,
        Instant updatedAt,
        @Version @Nullable Long version) {

    public Device withState(DeviceState newState, Instant now) {
        return new Device(id, serialNumber, manufacturer, model, ratedOutputWatts, sineWave, fuelType, tankLitres,
                runtimeHoursPerTank, purchaseDate, condition, newState, notes, createdAt, now, version);
    }

    public Device withCondition(DeviceCondition newCondition, Instant now) {
        return new Device(id, serialNumber, manufacturer, model, ratedOutputWatts, sineWave, fuelType, tankLitres,
                runtimeHoursPerTank, purchaseDate, newCondition, state, notes, createdAt, now, version);
    }
}
