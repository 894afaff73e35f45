package jp.inochi.consultations.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.time.JapaneseDates;

/** What a consultation record must hold; each refusal names its field in Japanese. */
public final class ConsultationRules {
    /** Line 490: consultations and applications were taken from 令和7年10月31日 (domain.md: "first consultations"). */
    public static final LocalDate FIRST_CONSULTATION_DAY = LocalDate.of(2025, 10, 31);

    /** The facts the rules look at; the child is named or the household is linked (line 574: before any application). */
    public record Facts(LocalDate consultedOn, boolean childNamed, boolean householdLinked, LocalDate followUpOn) {
    }

    private ConsultationRules() {
    }

    public static List<FieldError> check(Facts facts, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (facts.consultedOn() != null && facts.consultedOn().isBefore(FIRST_CONSULTATION_DAY)) {
            errors.add(new FieldError("consultedOn", "相談の受付は" + JapaneseDates.withGregorian(FIRST_CONSULTATION_DAY)
                    + "からです。それより前の日付は記録できません"));
        }
        if (facts.consultedOn() != null && facts.consultedOn().isAfter(today)) {
            errors.add(new FieldError("consultedOn", "未来の日付（" + JapaneseDates.withGregorian(facts.consultedOn())
                    + "）は入力できません"));
        }
        if (!facts.childNamed() && !facts.householdLinked()) {
            errors.add(new FieldError("childName", "相談の対象のお子さんの氏名を入力してください（世帯の登録前でも記録できます）"));
        }
        if (facts.followUpOn() != null && facts.consultedOn() != null && facts.followUpOn().isBefore(facts.consultedOn())) {
            errors.add(new FieldError("followUpOn", "フォローアップの日付は相談日以降にしてください"));
        }
        return errors;
    }
}
