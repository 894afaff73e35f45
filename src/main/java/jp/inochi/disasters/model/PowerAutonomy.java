package jp.inochi.disasters.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How many hours a household can keep the ventilator running without mains power (issue 8): the ventilator's internal
 * battery, plus its spare batteries (count × hours each), plus the loaned generator's runtime per tank × the fuel the
 * family stores ÷ the tank's size (as recorded at the latest yearly check), plus other sources (a car that can supply
 * power...). An input that was never recorded counts as no power and is named in {@link #unknowns()}, so a gap in the
 * data makes a family more urgent, never less. Power comes back sooner in some areas than in others (seed 002, line
 * 9692), so a household is flagged against 72 hours and against the outage expected where it lives.
 */
public record PowerAutonomy(BigDecimal batteryHours, BigDecimal spareBatteryHours, BigDecimal generatorHours,
                            BigDecimal otherHours, BigDecimal totalHours, List<Unknown> unknowns) {

    /** Below this a household is flagged whatever the event expects: three days without mains power. */
    public static final BigDecimal MINIMUM_HOURS = new BigDecimal("72");

    /** An input that was not recorded, so it counted as zero. */
    public enum Unknown {
        VENTILATOR_BATTERY("人工呼吸器の内部バッテリーの時間が未登録"),
        SPARE_BATTERY_HOURS("予備バッテリー1個あたりの時間が未登録"),
        FUEL_NOT_RECORDED("発電機の燃料の備蓄量が未記録（年次確認前）");

        private final String label;

        Unknown(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Why a household is flagged. */
    public enum Flag {
        NO_POWER_INFORMATION("電源情報なし"),
        UNDER_72_HOURS("72時間未満"),
        UNDER_EXPECTED_OUTAGE("停電の見込み時間未満");

        private final String label;

        Flag(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The loaned generator as recorded: runtime per tank at the ventilator's load, tank size, fuel stored (or null). */
    public record Generator(BigDecimal runtimeHoursPerTank, BigDecimal tankLitres, BigDecimal fuelStoredLitres,
                            LocalDate fuelRecordedOn) {
    }

    /** What the household recorded; any value may be null where nothing was recorded. */
    public record Inputs(BigDecimal ventilatorBatteryHours, int spareBatteryCount, BigDecimal spareBatteryHoursEach,
                         Generator generator, List<BigDecimal> otherSourceHours) {
    }

    public static PowerAutonomy of(Inputs inputs) {
        List<Unknown> unknowns = new ArrayList<>();
        BigDecimal battery = inputs.ventilatorBatteryHours();
        if (battery == null) {
            unknowns.add(Unknown.VENTILATOR_BATTERY);
            battery = BigDecimal.ZERO;
        }
        BigDecimal spares = BigDecimal.ZERO;
        if (inputs.spareBatteryCount() > 0) {
            if (inputs.spareBatteryHoursEach() == null) {
                unknowns.add(Unknown.SPARE_BATTERY_HOURS);
            } else {
                spares = inputs.spareBatteryHoursEach().multiply(BigDecimal.valueOf(inputs.spareBatteryCount()));
            }
        }
        BigDecimal generator = BigDecimal.ZERO;
        Generator lent = inputs.generator();
        if (lent != null) {
            if (lent.fuelStoredLitres() == null) {
                unknowns.add(Unknown.FUEL_NOT_RECORDED);
            } else if (lent.tankLitres().signum() > 0) {
                generator = lent.runtimeHoursPerTank().multiply(lent.fuelStoredLitres())
                        .divide(lent.tankLitres(), 1, RoundingMode.DOWN);
            }
        }
        BigDecimal other = inputs.otherSourceHours() == null ? BigDecimal.ZERO
                : inputs.otherSourceHours().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = battery.add(spares).add(generator).add(other).setScale(1, RoundingMode.DOWN);
        return new PowerAutonomy(battery.setScale(1, RoundingMode.DOWN), spares.setScale(1, RoundingMode.DOWN),
                generator, other.setScale(1, RoundingMode.DOWN), total, List.copyOf(unknowns));
    }

    /**
     * The hours left once {@code hoursWithoutPower} have passed since the outage began (never below zero): what the
     * family still has if they have been using their own power since then.
     */
    public BigDecimal remainingAfter(BigDecimal hoursWithoutPower) {
        BigDecimal left = totalHours.subtract(hoursWithoutPower.max(BigDecimal.ZERO));
        return left.signum() < 0 ? BigDecimal.ZERO.setScale(1) : left.setScale(1, RoundingMode.DOWN);
    }

    /** Nothing recorded gives any hours: the family's power is unknown, not known to be none. */
    public boolean unknown() {
        return totalHours.signum() == 0 && !unknowns.isEmpty();
    }

    /**
     * Flagged when the power is unknown, under 72 hours, and under the outage expected where the family lives (null
     * when nobody knows).
     */
    public List<Flag> flags(BigDecimal expectedOutageHours) {
        List<Flag> flags = new ArrayList<>();
        if (unknown()) {
            flags.add(Flag.NO_POWER_INFORMATION);
        }
        if (totalHours.compareTo(MINIMUM_HOURS) < 0) {
            flags.add(Flag.UNDER_72_HOURS);
        }
        if (expectedOutageHours != null && totalHours.compareTo(expectedOutageHours) < 0) {
            flags.add(Flag.UNDER_EXPECTED_OUTAGE);
        }
        return List.copyOf(flags);
    }
}
