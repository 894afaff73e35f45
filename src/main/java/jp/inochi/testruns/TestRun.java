package jp.inochi.testruns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.testruns.model.TestRunAnswer;

/** One month's test run of a lent generator: asked by email, answered (or not yet) through one of its two links. */
@MappedEntity("test_run")
public record TestRun(
        @Id @GeneratedValue @Nullable Long id,
        long loanId,
        long householdId,
        long deviceId,
        LocalDate askedMonth,
        Instant askedAt,
        @Nullable TestRunAnswer answer,
        @Nullable Instant answeredAt,
        @Nullable String answeredVia,
        @Nullable String problemDescription,
        @Version @Nullable Long version) {
    static final String VIA_EMAIL_LINK = "EMAIL_LINK";

    public YearMonth month() {
        return YearMonth.from(askedMonth);
    }

    /** 「2026年7月」. */
    public String monthLabel() {
        return askedMonth.getYear() + "年" + askedMonth.getMonthValue() + "月";
    }

    public LocalDate askedOn() {
        return LocalDate.ofInstant(askedAt, JapanTime.ZONE);
    }

    @Nullable
    public LocalDate answeredOn() {
        return answeredAt == null ? null : LocalDate.ofInstant(answeredAt, JapanTime.ZONE);
    }

    TestRun answered(TestRunAnswer next, Instant at) {
        return new TestRun(id, loanId, householdId, deviceId, askedMonth, askedAt, next, at, VIA_EMAIL_LINK,
                problemDescription, version);
    }

    TestRun described(String description) {
        return new TestRun(id, loanId, householdId, deviceId, askedMonth, askedAt, answer, answeredAt, answeredVia,
                description, version);
    }
}
