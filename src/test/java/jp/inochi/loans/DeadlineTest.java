package jp.inochi.loans;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DeadlineTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 5, 10);

    @Test
    void aDeadlineAheadOfTheWindowIsLaterAndOneInsideItIsSoon() {
        assertEquals("あと31日", Deadline.of("年次確認", TODAY.plusDays(31), TODAY, false, null, 30).statusLabel());
        assertEquals("badge badge-info", Deadline.of("年次確認", TODAY.plusDays(31), TODAY, false, null, 30).badge());
        assertEquals("badge badge-warn", Deadline.of("年次確認", TODAY.plusDays(30), TODAY, false, null, 30).badge());
        assertEquals("今日が期限", Deadline.of("年次確認", TODAY, TODAY, false, null, 30).statusLabel());
    }

    @Test
    void theDayAfterTheDueDateIsOverdueAndADoneObligationIsDoneWhateverTheDate() {
        Deadline overdue = Deadline.of("個別避難計画", TODAY.minusDays(1), TODAY, false, null, 30);
        assertEquals("1日超過", overdue.statusLabel());
        assertEquals("badge badge-danger", overdue.badge());
        Deadline done = Deadline.of("個別避難計画", TODAY.minusDays(40), TODAY, true, "申請済", 30);
        assertEquals("申請済", done.statusLabel());
        assertEquals("badge badge-ok", done.badge());
    }
}
