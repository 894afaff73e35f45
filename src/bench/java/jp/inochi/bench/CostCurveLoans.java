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
 * of the overdue plans applied), each size in a throwaway database of its own (the reminders and messages a sweep
 * writes cannot be removed: the audit log they reach is append-only), so every sweep is a first one that writes everything due.
 */
final class CostCurveLoans {
    private final long[] sizes;

    CostCurveLoans(long[] sizes) {
        this.sizes = sizes;
    }

    List<BenchResult> run() throws Exception {
        List<BenchResult> results = new ArrayList<>();
        double[] times = new double[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            times[s] = sweep(sizes[s], results);
        }
        results.addAll(CostCurveBenchmark.shown(CostCurveBenchmark.growth("reminder sweep", sizes, times, "loans")));
        return results;
    }

    /** The first sweep over {@code size} fresh loans in a database of their own; returns its time in ms. */
    private static double sweep(long size, List<BenchResult> results) throws Exception {
        String loans = String.format("%,d loans", size);
        try (EmbeddedPostgres database = EmbeddedPostgres.startThrowaway()) {
            DatabaseBootstrap.pointDatasourceAt(database);
            try (ApplicationContext context = ApplicationContext.builder()
                    .properties(Map.of("inochi.scheduler.start", false, "micronaut.server.port", -1,
                            SigningSecret.PROPERTY, BenchmarkRunner.SIGNING_SECRET))
                    .start()) {
                LocalDate today = LocalDate.now(JapanTime.ZONE);
                long generating = System.nanoTime();
                try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                        database.password()); Statement statement = connection.createStatement()) {
                    GeneratedLoans.create(connection, "curve", (int) size, today.minusDays(1825), 1, 1826, true);
                    statement.execute("UPDATE loan SET plan_applied_on = start_date + 30 "
                            + "WHERE plan_deadline < CURRENT_DATE AND id % 5 <> 0");
                    statement.execute("VACUUM ANALYZE");
                }
                results.add(CostCurveBenchmark.shown(CostCurveBenchmark.reference("set-up: " + loans + " (generated in SQL, "
                        + "own database)", HazardBench.millisSince(generating) / 1000, "s")));
                try (MemoryWatch memory = MemoryWatch.start(database.home())) {
                    Instant at = ZonedDateTime.of(today, LocalTime.of(0, 5), JapanTime.ZONE).toInstant();
                    long started = System.nanoTime();
                    ReminderSweep.SweepReport written = context.getBean(ReminderSweep.class).run(at);
                    double millis = HazardBench.millisSince(started);
                    if (!written.failedChunks().isEmpty()) {
                        throw new IllegalStateException("the sweep failed: " + written);
                    }
                    results.add(CostCurveBenchmark.shown(BenchResult.withoutBaseline("cost-curve", "reminder sweep over "
                            + loans + ", first sweep (" + String.format("%,d", written.remindersWritten()) + " reminders, "
                            + String.format("%,d", written.familyDigests()) + " family digests written)",
                            millis / 1000, "s", "near-linear (see growth)", true)));
                    results.add(CostCurveBenchmark.shown(CostCurveBenchmark.memoryRow(loans + " swept", memory)));
                    return millis;
                }
            }
        }
    }
}
