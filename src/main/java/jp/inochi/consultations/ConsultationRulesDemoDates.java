package jp.inochi.consultations;

import java.time.LocalDate;
import jp.inochi.consultations.model.ConsultationRules;

/** Demo dates never fall before the first day the center took consultations (a demo clock may sit in late 2025). */
final class ConsultationRulesDemoDates {
    private ConsultationRulesDemoDates() {
    }

    static LocalDate onOrAfterOpening(LocalDate wanted) {
        return wanted.isBefore(ConsultationRules.FIRST_CONSULTATION_DAY) ? ConsultationRules.FIRST_CONSULTATION_DAY : wanted;
    }
}
