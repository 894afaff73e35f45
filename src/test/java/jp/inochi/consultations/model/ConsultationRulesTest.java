package jp.inochi.consultations.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import jp.inochi.platform.problem.FieldError;
import org.junit.jupiter.api.Test;

class ConsultationRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 10);

    private static List<FieldError> check(LocalDate on, boolean childNamed, boolean linked, LocalDate followUp) {
        return ConsultationRules.check(new ConsultationRules.Facts(on, childNamed, linked, followUp), TODAY);
    }

    @Test
    void aConsultationBeforeTheCenterOpenedOn31October2025IsRefusedInJapanese() {
        List<FieldError> errors = check(LocalDate.of(2025, 10, 30), true, false, null);
        assertEquals(List.of(new FieldError("consultedOn",
                "相談の受付は令和7年10月31日（2025年10月31日）からです。それより前の日付は記録できません")), errors);
    }

    @Test
    void aConsultationOnTheOpeningDayIsAccepted() {
        assertTrue(check(ConsultationRules.FIRST_CONSULTATION_DAY, true, false, null).isEmpty());
    }

    @Test
    void aConsultationBeforeAnyHouseholdNeedsTheChildsName() {
        assertEquals("childName", check(TODAY, false, false, null).get(0).field());
        assertTrue(check(TODAY, false, true, null).isEmpty());
    }

    @Test
    void aFollowUpCannotBeBeforeTheConsultation() {
        assertEquals("followUpOn", check(TODAY, true, false, TODAY.minusDays(1)).get(0).field());
    }

    @Test
    void aConsultationInTheFutureIsRefused() {
        assertEquals("consultedOn", check(TODAY.plusDays(1), true, false, null).get(0).field());
    }
}
