package jp.inochi.testruns.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The monthly test-run reminder as the center wrote it in {@code schedules/test-runs.yml}: families are asked to run
 * the generator around {@code testDay} of each month; the email goes {@code daysBefore} days earlier at
 * {@code sendAt} (Japan), and its two reply links work for {@code linksValidDays} days. The center runs the loan through
 * to the device's management (seed 000, line 574) and the family keeps it running (line 538); the monthly cadence is
 * the center's own choice (issue 15).
 */
public record TestRunPolicy(int testDay, int daysBefore, LocalTime sendAt, int linksValidDays) {
    /** Days 29–31 are missing in some months; the file allows 1–28 so every month has the day. */
    public static final int LAST_TEST_DAY = 28;
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    /** The day families are asked to have run it by, in {@code month}. */
    public LocalDate testOn(YearMonth month) {
        return month.atDay(testDay);
    }

    /** The day the month's email is decided and sent. */
    public LocalDate sendOn(YearMonth month) {
        return testOn(month).minusDays(daysBefore);
    }

    /** The earliest the month's email may leave, in Japan. */
    public Instant notBefore(YearMonth month) {
        return sendOn(month).atTime(sendAt).atZone(JAPAN).toInstant();
    }

    /**
     * The month whose emails are due by {@code today}: this month once its send day has come (a run later in the month
     * catches up what a stopped service missed); none before it (last month's were asked last month).
     */
    public Optional<YearMonth> monthToAsk(LocalDate today) {
        YearMonth month = YearMonth.from(today);
        return today.isBefore(sendOn(month)) ? Optional.empty() : Optional.of(month);
    }

    /** A loan handed over on or after the send day had its generator tried at handover: its first ask is next month. */
    public boolean asksLoanStartedOn(LocalDate loanStart, YearMonth month) {
        return loanStart.isBefore(sendOn(month));
    }
}
