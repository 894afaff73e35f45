package jp.inochi.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JapaneseDatesTest {

    @Test
    void dateIsWrittenInWarekiWithTheGregorianDateBeside() {
        assertEquals("令和8年5月10日（2026年5月10日）", JapaneseDates.withGregorian(LocalDate.of(2026, 5, 10)));
    }

    @Test
    void firstYearOfAnEraIsGannen() {
        assertEquals("令和元年5月1日", JapaneseDates.wareki(LocalDate.of(2019, 5, 1)));
        assertEquals("平成31年4月30日", JapaneseDates.wareki(LocalDate.of(2019, 4, 30)));
    }

    @Test
    void shortFormForTables() {
        assertEquals("R7.10.31", JapaneseDates.warekiShort(LocalDate.of(2025, 10, 31)));
    }

    @Test
    void noDateIsAnEmptyString() {
        assertEquals("", JapaneseDates.withGregorian(null));
    }
}
