package jp.inochi.disasters.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PowerAutonomyTest {
    private static final PowerAutonomy.Generator GENERATOR_WITH_10_LITRES =
            new PowerAutonomy.Generator(new BigDecimal("8.0"), new BigDecimal("4.0"), new BigDecimal("10"), LocalDate.of(2026, 5, 1));

    private static BigDecimal hours(String value) {
        return new BigDecimal(value);
    }

    @Test
    void autonomyIsBatteryPlusSparesPlusGeneratorRuntimeTimesStoredFuelOverTankPlusOtherSources() {
        PowerAutonomy autonomy = PowerAutonomy.of(new PowerAutonomy.Inputs(hours("6.0"), 2, hours("4.0"),
                GENERATOR_WITH_10_LITRES, List.of(hours("12.5"))));
        assertEquals(hours("6.0"), autonomy.batteryHours());
        assertEquals(hours("8.0"), autonomy.spareBatteryHours());
        assertEquals(hours("20.0"), autonomy.generatorHours(), "8 h per 4 L tank × 10 L stored ÷ 4 L");
        assertEquals(hours("12.5"), autonomy.otherHours());
        assertEquals(hours("46.5"), autonomy.totalHours());
        assertEquals(List.of(), autonomy.unknowns());
    }

    @Test
    void generatorHoursAreRoundedDownToATenthSoAutonomyIsNeverOverstated() {
        PowerAutonomy autonomy = PowerAutonomy.of(new PowerAutonomy.Inputs(hours("0"), 0, null,
                new PowerAutonomy.Generator(hours("8.0"), hours("4.2"), hours("10"), LocalDate.of(2026, 5, 1)), List.of()));
        assertEquals(hours("19.0"), autonomy.generatorHours(), "8 × 10 ÷ 4.2 = 19.047…");
    }

    @Test
    void whatWasNeverRecordedCountsAsNoPowerAndIsNamed() {
        PowerAutonomy autonomy = PowerAutonomy.of(new PowerAutonomy.Inputs(null, 3, null,
                new PowerAutonomy.Generator(hours("8.0"), hours("4.0"), null, null), List.of()));
        assertEquals(hours("0.0"), autonomy.totalHours());
        assertEquals(List.of(PowerAutonomy.Unknown.VENTILATOR_BATTERY, PowerAutonomy.Unknown.SPARE_BATTERY_HOURS,
                PowerAutonomy.Unknown.FUEL_NOT_RECORDED), autonomy.unknowns());
    }

    @Test
    void powerIsFlaggedUnknownOnlyWhenNothingRecordedGivesAnyHours() {
        PowerAutonomy nothing = PowerAutonomy.of(new PowerAutonomy.Inputs(null, 0, null, null, List.of()));
        assertEquals(List.of(PowerAutonomy.Flag.NO_POWER_INFORMATION, PowerAutonomy.Flag.UNDER_72_HOURS), nothing.flags(null));
        PowerAutonomy recordedEmpty = PowerAutonomy.of(new PowerAutonomy.Inputs(hours("0"), 0, null, null, List.of()));
        assertEquals(List.of(PowerAutonomy.Flag.UNDER_72_HOURS), recordedEmpty.flags(null), "known to be none");
        PowerAutonomy batteryUnknownButACar = PowerAutonomy.of(new PowerAutonomy.Inputs(null, 0, null, null, List.of(hours("8"))));
        assertEquals(List.of(PowerAutonomy.Flag.UNDER_72_HOURS), batteryUnknownButACar.flags(null));
    }

    @Test
    void aHouseholdWithoutAGeneratorHasNoGeneratorHoursAndNothingUnknownAboutIt() {
        PowerAutonomy autonomy = PowerAutonomy.of(new PowerAutonomy.Inputs(hours("5.0"), 0, null, null, null));
        assertEquals(hours("5.0"), autonomy.totalHours());
        assertEquals(List.of(), autonomy.unknowns());
    }

    @Test
    void theHoursSinceTheOutageBeganAreSubtractedButNothingGoesBelowZero() {
        PowerAutonomy autonomy = PowerAutonomy.of(new PowerAutonomy.Inputs(hours("6.0"), 1, hours("4.0"), null, List.of()));
        assertEquals(hours("7.5"), autonomy.remainingAfter(hours("2.5")));
        assertEquals(hours("10.0"), autonomy.remainingAfter(hours("0")));
        assertEquals(hours("0.0"), autonomy.remainingAfter(hours("30")));
    }

    @Test
    void under72HoursIsFlaggedAndSoIsLessThanTheExpectedOutage() {
        PowerAutonomy short46 = PowerAutonomy.of(new PowerAutonomy.Inputs(hours("6.0"), 2, hours("4.0"),
                GENERATOR_WITH_10_LITRES, List.of(hours("12.5"))));
        assertEquals(List.of(PowerAutonomy.Flag.UNDER_72_HOURS), short46.flags(null));
        assertEquals(List.of(PowerAutonomy.Flag.UNDER_72_HOURS, PowerAutonomy.Flag.UNDER_EXPECTED_OUTAGE),
                short46.flags(hours("48")));
        PowerAutonomy long80 = PowerAutonomy.of(new PowerAutonomy.Inputs(hours("80"), 0, null, null, List.of()));
        assertEquals(List.of(), long80.flags(hours("72")));
        assertEquals(List.of(PowerAutonomy.Flag.UNDER_EXPECTED_OUTAGE), long80.flags(hours("96")));
        PowerAutonomy exactly72 = PowerAutonomy.of(new PowerAutonomy.Inputs(hours("72"), 0, null, null, List.of()));
        assertEquals(List.of(), exactly72.flags(hours("72")), "72 hours is not under 72 hours");
    }
}
