package jp.inochi.applications.model;

import java.util.Optional;
import jp.inochi.platform.time.JapaneseDates;

/** 令和7年(2025年)4月1日以降の退院であれば、事業利用の申請は可能 (seed 000, line 558). */
public final class DischargedBeforeProgramStart implements EligibilityRule {

    @Override
    public Optional<Ineligibility> check(EligibilityFacts facts, SubsidyList subsidies) {
        if (facts.nicuDischargeDate() == null) {
            return Optional.of(new Ineligibility(IneligibilityReason.NOT_DISCHARGED,
                    "NICUからの退院日が未登録です。退院後に申請を審査します"));
        }
        if (facts.nicuDischargeDate().isBefore(ProgramDates.DISCHARGED_ON_OR_AFTER)) {
            return Optional.of(new Ineligibility(IneligibilityReason.DISCHARGED_BEFORE_PROGRAM_START,
                    "退院日 " + JapaneseDates.withGregorian(facts.nicuDischargeDate()) + " は"
                            + JapaneseDates.withGregorian(ProgramDates.DISCHARGED_ON_OR_AFTER) + "より前です"));
        }
        return Optional.empty();
    }
}
