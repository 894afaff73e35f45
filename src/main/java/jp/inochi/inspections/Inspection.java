package jp.inochi.inspections;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import jp.inochi.devices.DeviceCondition;
import jp.inochi.inspections.model.InspectionChecklist;
import jp.inochi.inspections.model.InspectionOutcome;

/** A yearly check (確認) of a running loan. */
@MappedEntity("inspection")
public record Inspection(
        @Id @GeneratedValue @Nullable Long id,
        long loanId,
        long deviceId,
        long householdId,
        LocalDate inspectedOn,
        DeviceCondition deviceCondition,
        boolean testRunPassed,
        boolean fuelStoredSafely,
        BigDecimal fuelStoredLitres,
        boolean childUsesVentilatorAroundClock,
        boolean familyLivesInPrefecture,
        boolean childLivesAtHome,
        @Nullable String notes,
        InspectionOutcome outcome,
        @Nullable Long recordedBy,
        Instant createdAt,
        @Version @Nullable Long version) {

    public InspectionChecklist checklist() {
        return new InspectionChecklist(deviceCondition, testRunPassed, fuelStoredSafely, fuelStoredLitres,
                childUsesVentilatorAroundClock, familyLivesInPrefecture);
    }
}
