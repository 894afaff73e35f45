package jp.inochi.inspections;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import jp.inochi.devices.DeviceCondition;
import jp.inochi.lifecycle.Actor;
import jp.inochi.loans.DemoYearlyCheck;

/** The demo loans' yearly checks: all passed, with the fuel the family had stored. */
@Singleton
final class DemoInspections implements DemoYearlyCheck {
    private final Inspections inspections;

    DemoInspections(Inspections inspections) {
        this.inspections = inspections;
    }

    @Override
    public void record(Actor staff, long loanId, LocalDate on, BigDecimal fuelLitres) {
        inspections.record(staff, new Inspections.NewInspection(loanId, on, DeviceCondition.GOOD, true, true,
                fuelLitres, true, true, "試運転10分、異常なし（デモ）", null));
    }
}
