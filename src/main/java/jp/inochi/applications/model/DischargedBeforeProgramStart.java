package jp.inochi.applications.model;

import java.time.LocalDate;
import java.util.Optional;
import jp.inochi.platform.time.JapaneseDates;

/**
 * 令和7年(2025年)4月1日以降の退院であれば、事業利用の申請は可能 (seed 000, line 558). The program smooths the move home
 * (lines 486, 503), so a child still in the NICU may apply and be approved on the planned discharge date; the handover
 * then needs the actual one ({@code loans.model.HandoverReadiness}).
 */
public final class DischargedBeforeProgramStart implements EligibilityRule {

    @Override
    public Optional<Ineligibility> check(EligibilityFacts facts, SubsidyList subsidies) {
        LocalDate discharge = facts.nicuDischargeDate() != null ? facts.nicuDischargeDate() : facts.plannedDischargeDate();
        if (discharge == null) {
            return Optional.of(new Ineligibility(IneligibilityReason.NOT_DISCHARGED,
                    "NICUからの退院日も退院予定日も登録されていません。入院中の申請では退院予定日を記入してください"));
        }
        if (discharge.isBefore(ProgramDates.DISCHARGED_ON_OR_AFTER)) {
            return Optional.of(new Ineligibility(IneligibilityReason.DISCHARGED_BEFORE_PROGRAM_START,
                    (facts.nicuDischargeDate() != null ? "退院日 " : "退院予定日 ") + JapaneseDates.withGregorian(discharge)
                            + " は" + JapaneseDates.withGregorian(ProgramDates.DISCHARGED_ON_OR_AFTER) + "より前です"));
        }
        return Optional.empty();
    }

    @Override
    public String condition() {
        return "NICUからの退院が" + JapaneseDates.wareki(ProgramDates.DISCHARGED_ON_OR_AFTER) + "以降";
    }

    @Override
    public int seedLine() {
        return IneligibilityReason.DISCHARGED_BEFORE_PROGRAM_START.seedLine();
    }

    @Override
    public String whyMet(EligibilityFacts facts, SubsidyList subsidies) {
        return facts.nicuDischargeDate() != null ? "退院日 " + JapaneseDates.withGregorian(facts.nicuDischargeDate())
                : "退院予定日 " + JapaneseDates.withGregorian(facts.plannedDischargeDate()) + "（引渡しには実際の退院日が必要です）";
    }
}
