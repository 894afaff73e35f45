package jp.inochi.testruns;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.demo.DemoDataSet;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.reminders.outbox.Jdbc;
import jp.inochi.testruns.model.TestRunAnswer;

/**
 * Last month's test runs of the first two running demo loans, answered through the real replies: one
 * 「正常に動いた」, one 「問題があった」 with a description (so its follow-up is open); the first is also asked this month.
 */
@Singleton
final class DemoTestRuns implements DemoDataSet {
    private final TestRunRepository repository;
    private final TestRunReplies replies;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    DemoTestRuns(TestRunRepository repository, TestRunReplies replies, TransactionOperations<Connection> transactions,
                 Clock clock) {
        this.repository = repository;
        this.replies = replies;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "test-runs";
    }

    /** After the loans (40) and their checks. */
    @Override
    public int order() {
        return 65;
    }

    @Override
    public String load(Path demoDirectory) {
        List<long[]> loans = transactions.executeRead(status -> {
            try (var query = Jdbc.prepare(status.getConnection(), "SELECT id, household_id, device_id FROM loan "
                    + "WHERE state = 'ACTIVE' ORDER BY id LIMIT 2"); var rows = query.executeQuery()) {
                List<long[]> found = new ArrayList<>();
                while (rows.next()) {
                    found.add(new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3)});
                }
                return found;
            }
        });
        if (loans.size() < 2) {
            return "no test runs (fewer than two running loans)";
        }
        Instant now = clock.instant();
        YearMonth thisMonth = YearMonth.from(JapanTime.today(clock));
        Instant lastMonthAsked = now.minus(Duration.ofDays(30));
        TestRun worked = ask(loans.get(0), thisMonth.minusMonths(1), lastMonthAsked);
        replies.answer(worked.id(), TestRunAnswer.OK, lastMonthAsked.plus(Duration.ofDays(2)));
        ask(loans.get(0), thisMonth, now.minus(Duration.ofHours(1)));
        TestRun broken = ask(loans.get(1), thisMonth.minusMonths(1), lastMonthAsked);
        replies.describe(broken.id(), "エンジンはかかったが、数分で止まってしまった（デモ）", lastMonthAsked.plus(Duration.ofDays(3)));
        return "3 test runs";
    }

    private TestRun ask(long[] loan, YearMonth month, Instant at) {
        return repository.save(new TestRun(null, loan[0], loan[1], loan[2], month.atDay(1), at, null, null, null, null,
                null));
    }
}
