package jp.inochi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import jp.inochi.loans.model.LoanState;
import org.junit.jupiter.api.Test;

class UiDialectTest {

    @Test
    void datesAreWrittenInWarekiWithTheGregorianDateBeside() {
        assertEquals("令和8年5月10日（2026年5月10日）", new UiDialect.Wareki().date(LocalDate.of(2026, 5, 10)));
        assertEquals("令和元年5月1日（2019年5月1日）", new UiDialect.Wareki().date(LocalDate.of(2019, 5, 1)));
        assertEquals("—", new UiDialect.Wareki().date(null));
        assertEquals("令和8年5月10日（2026年5月10日） 9:05",
                new UiDialect.Wareki().time(Instant.parse("2026-05-10T00:05:00Z")), "in Japan's time");
    }

    @Test
    void daysLeftSayWhetherADeadlineIsAheadDueOrPassed() {
        assertEquals("あと3日", new UiDialect.Wareki().daysLeft(3));
        assertEquals("今日が期限", new UiDialect.Wareki().daysLeft(0));
        assertEquals("12日超過", new UiDialect.Wareki().daysLeft(-12));
    }

    @Test
    void fieldsAreNamedInTheErrorSummaryFromTheMessagesFile() {
        UiDialect.Fields fields = new UiDialect.Fields();
        assertEquals("お子さんの姓", fields.label("childFamilyName"));
        assertEquals("保護者のメールアドレス", fields.label("guardians[0].email"));
        assertEquals("保護者のメールアドレス（2人目）", fields.label("guardians[1].email"));
        assertEquals("修理費用等の負担への同意", fields.label("terms.repairLiabilityAccepted"));
        assertEquals("上書きの根拠", fields.label("overrides.MUNICIPAL_SUBSIDY_AVAILABLE"));
        assertEquals("", fields.label("somethingUnknown"));
    }

    @Test
    void aStateBadgeIsColouredByWhatItMeans() {
        assertEquals("badge badge-ok", new UiDialect.Badge().of(LoanState.ACTIVE));
        assertEquals("badge badge-warn", new UiDialect.Badge().of(LoanState.RETURN_OPEN));
        assertEquals("badge badge-info", new UiDialect.Badge().of(LoanState.ENDED));
        assertEquals("badge badge-danger", new UiDialect.Badge().of("REJECTED"));
    }
}
