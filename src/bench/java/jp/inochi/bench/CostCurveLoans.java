package jp.inochi.bench;

import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.inochi.access.SigningSecret;
import jp.inochi.platform.database.DatabaseBootstrap;
import jp.inochi.platform.database.EmbeddedPostgres;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.reminders.ReminderSweep;
import jp.inochi.testsupport.GeneratedLoans;

/**
 * The cost curve's reminder sweep: the loans of {@link ReminderSweepBenchmark} (every start day of five years, a fifth
 * of the overdue plans applied), grown size by size in one throwaway database; before each size's sweep the reminders
 * and messages of the last are removed, so every sweep is a first sweep that writes everything due.
 */
final class CostCurveLoans {
    private final long[] sizes;

    CostCurveLoans(long[] sizes) {
        this.sizes = sizes;
    }

    List<BenchResult> run() throws Exception {
        List<BenchResult> results = new ArrayList<>();
        double[] times = new double[sizes.length];
        try (EmbeddedPostgres database = EmbeddedPostgres.startThrowaway()) {
            DatabaseBootstrap.pointDatasourceAt(database);
            try (ApplicationContext context = ApplicationContext.builder()
                    .properties(Map.of("inochi.scheduler.start", false, "micronaut.server.port", -1,
                            SigningSecret.PROPERTY, BenchmarkRunner.SIGNING_SECRET))
                    .start();
                 Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                 Statement statement = connection.createStatement()) {
                LocalDate today = LocalDate.now(JapanTime.ZONE);
                Instant at = ZonedDateTime.of(today, LocalTime.of(0, 5), JapanTime.ZONE).toInstant();
                ReminderSweep sweep = context.getBean(ReminderSweep.class);
                long have = 0;
                for (int s = 0; s < sizes.length; s++) {
                    String loans = String.format("%,d loans", sizes[s]);
                    long generating = System.nanoTime();
                    GeneratedLoans.create(connection, "curve-" + s, (int) (sizes[s] - have), today.minusDays(1825), 1, 1826, true);
                    statement.execute("UPDATE loan SET plan_applied_on = start_date + 30 "
                            + "WHERE plan_applied_on IS NULL AND plan_deadline < CURRENT_DATE AND id % 5 <> 0");
                    statement.execute("TRUNCATE reminder, outbox_message CASCADE");
                    statement.execute("VACUUM ANALYZE");
                    have = sizes[s];
                    results.add(CostCurveBenchmark.reference("set-up: " + loans + " (generated in SQL)",
                            HazardBench.millisSince(generating) / 1000, "s"));
                    try (MemoryWatch memory = MemoryWatch.start(database.home())) {
                        long started = System.nanoTime();
                        ReminderSweep.SweepReport written = sweep.run(at);
                        times[s] = HazardBench.millisSince(started);
                        if (!written.failedChunks().isEmpty()) {
                            throw new IllegalStateException("the sweep failed: " + written);
                        }
                        results.add(BenchResult.withoutBaseline("cost-curve", "reminder sweep over " + loans + ", one first sweep ("
                                + String.format("%,d", written.remindersWritten()) + " reminders, "
                                + String.format("%,d", written.familyDigests()) + " family digests written)",
                                times[s] / 1000, "s", "near-linear (see growth)", true));
                        results.add(CostCurveBenchmark.memoryRow(loans + " swept", memory));
                    }
                }
            }
        }
        results.addAll(CostCurveBenchmark.growth("reminder sweep", sizes, times, "loans"));
        return results;
    }
}
