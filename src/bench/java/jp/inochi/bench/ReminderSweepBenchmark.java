package jp.inochi.bench;

import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
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
 * Reminders issue: one sweep over 100,000 running loans in under 10 s. The loans (generated in SQL) start on every
 * day of the last five years, so every obligation and rule occurs: plans due soon and long overdue (a fifth of those
 * past their deadline applied), checks due and overdue, terms ending. Measured: the first sweep, which writes every
 * reminder and digest that is due, and a second one at the same moment, which finds everything written.
 */
final class ReminderSweepBenchmark implements Benchmark {
    private static final int LOANS = 100_000;
    private static final double GOAL_SECONDS = 10;

    @Override
    public String name() {
        return "reminder-sweep";
    }

    @Override
    public List<BenchResult> run() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.startThrowaway()) {
            DatabaseBootstrap.pointDatasourceAt(database);
            try (ApplicationContext context = ApplicationContext.builder()
                    .properties(Map.of("inochi.scheduler.start", false, "micronaut.server.port", -1,
                            SigningSecret.PROPERTY, BenchmarkRunner.SIGNING_SECRET))
                    .start()) {
                LocalDate today = LocalDate.now(JapanTime.ZONE);
                long generating = System.nanoTime();
                try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                        database.password())) {
                    GeneratedLoans.create(connection, "bench", LOANS, today.minusDays(1825), 1, 1826, true);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("UPDATE loan SET plan_applied_on = start_date + 30 "
                                + "WHERE plan_deadline < CURRENT_DATE AND id % 5 <> 0");
                        statement.execute("ANALYZE");
                    }
                }
                double generated = seconds(generating);
                ReminderSweep sweep = context.getBean(ReminderSweep.class);
                Instant at = ZonedDateTime.of(today, LocalTime.of(0, 5), JapanTime.ZONE).toInstant();

                long first = System.nanoTime();
                ReminderSweep.SweepReport written = sweep.run(at);
                double firstSeconds = seconds(first);
                long second = System.nanoTime();
                ReminderSweep.SweepReport again = sweep.run(at);
                double secondSeconds = seconds(second);
                if (!written.failedChunks().isEmpty() || again.remindersWritten() != 0) {
                    throw new IllegalStateException("The sweep failed or was not idempotent: " + written + " / " + again);
                }
                long reminders;
                try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                        database.password()); Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT count(*) FROM reminder")) {
                    rows.next();
                    reminders = rows.getLong(1);
                }
                String goal = "< " + (int) GOAL_SECONDS + " s";
                List<BenchResult> results = new ArrayList<>();
                results.add(BenchResult.withoutBaseline(name(), "first sweep over " + LOANS + " loans (writes "
                        + reminders + " reminders, " + written.familyDigests() + " family digests)", firstSeconds, "s",
                        goal, firstSeconds < GOAL_SECONDS));
                results.add(BenchResult.withoutBaseline(name(), "second sweep, same moment (nothing new to write)",
                        secondSeconds, "s", goal, secondSeconds < GOAL_SECONDS));
                results.add(BenchResult.withoutBaseline(name(), "generating the " + LOANS + " loans in SQL (set-up, not the goal)",
                        generated, "s", "—", true));
                return results;
            }
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
