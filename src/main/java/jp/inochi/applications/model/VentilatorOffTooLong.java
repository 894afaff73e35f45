package jp.inochi.applications.model;

import java.util.Optional;

/**
 * 常時人工呼吸器を装着: 呼吸器を外すことができるのが概ね30分以内の「ほぼ24時間」装着 (seed 000, lines 486, 554).
 * "About" 30 minutes: more than 30 is a named reason that staff may override with a written justification.
 */
public final class VentilatorOffTooLong implements EligibilityRule {
    public static final int MAX_OFF_MINUTES_PER_DAY = 30;

    @Override
    public Optional<Ineligibility> check(EligibilityFacts facts, SubsidyList subsidies) {
        if (!facts.ventilatorDependent()) {
            return Optional.of(new Ineligibility(IneligibilityReason.NOT_ON_VENTILATOR,
                    "人工呼吸器を使用していないと登録されています"));
        }
        Integer off = facts.offMinutesPerDay();
        if (off == null) {
            return Optional.of(new Ineligibility(IneligibilityReason.VENTILATOR_OFF_TOO_LONG,
                    "人工呼吸器の1日の装着時間（または外している時間）が登録されていません"));
        }
        if (off > MAX_OFF_MINUTES_PER_DAY) {
            return Optional.of(new Ineligibility(IneligibilityReason.VENTILATOR_OFF_TOO_LONG,
                    "人工呼吸器を外している時間が1日約" + off + "分です（目安は概ね" + MAX_OFF_MINUTES_PER_DAY + "分以内）"));
        }
        return Optional.empty();
    }

    @Override
    public String condition() {
        return "人工呼吸器を常時装着している（外すのは1日概ね" + MAX_OFF_MINUTES_PER_DAY + "分以内）";
    }

    @Override
    public int seedLine() {
        return IneligibilityReason.VENTILATOR_OFF_TOO_LONG.seedLine();
    }

    @Override
    public String whyMet(EligibilityFacts facts, SubsidyList subsidies) {
        return "人工呼吸器を外している時間は1日約" + facts.offMinutesPerDay() + "分です";
    }
}
