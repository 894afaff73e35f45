package jp.inochi.applications.model;

import java.time.LocalDate;

/** The program's fixed dates. */
public final class ProgramDates {
    /** ご相談や申請の受け付けを令和7年(2025年)10月31日から開始 (seed 000, line 490). */
    public static final LocalDate APPLICATIONS_OPENED = LocalDate.of(2025, 10, 31);
    /** 令和7年(2025年)4月1日以降の退院であれば申請可能 (seed 000, line 558). */
    public static final LocalDate DISCHARGED_ON_OR_AFTER = LocalDate.of(2025, 4, 1);

    private ProgramDates() {
    }
}
