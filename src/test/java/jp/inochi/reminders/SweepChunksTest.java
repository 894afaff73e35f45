package jp.inochi.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.testsupport.GeneratedLoans;
import jp.inochi.testsupport.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The sweep works in chunks of loans, each in its own transaction: a chunk that fails is named in the report and
 * written by a later run, and the other chunks are written all the same. (Here with chunks of 10 loans, from a
 * schedules directory of the test's own: INOCHI_SCHEDULES_DIR.)
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SweepChunksTest implements TestPropertyProvider {

    @Inject
    ReminderSweep sweep;

    @Override
    public Map<String, String> getProperties() {
        try {
            Path dir = Files.createTempDirectory("inochi-schedules-");
            // every schedules file must be there: the service stops at start without one
            Files.copy(Path.of("schedules/follow-ups.yml"), dir.resolve("follow-ups.yml"));
            Files.copy(Path.of("schedules/test-runs.yml"), dir.resolve("test-runs.yml"));
            Files.copy(Path.of("schedules/jobs.yml"), dir.resolve("jobs.yml"));
            Files.writeString(dir.resolve("reminders.yml"), Files.readString(Path.of("schedules/reminders.yml"),
                    StandardCharsets.UTF_8).replaceAll("chunk-size: \\d+", "chunk-size: 10"), StandardCharsets.UTF_8);
            dir.toFile().deleteOnExit();
            dir.resolve("jobs.yml").toFile().deleteOnExit();
            dir.resolve("reminders.yml").toFile().deleteOnExit();
            dir.resolve("follow-ups.yml").toFile().deleteOnExit();
            dir.resolve("test-runs.yml").toFile().deleteOnExit();
            return Map.of("inochi.schedules.dir", dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aChunkThatFailsIsReportedAndTheOthersAreStillWritten() throws Exception {
        GeneratedLoans.Batch batch;
        try (Connection connection = Sql.connect()) {
            batch = GeneratedLoans.create(connection, "chunks-" + System.nanoTime() % 1_000_000, 40,
                    LocalDate.of(2025, 9, 5), 0, 1, true);
        }
        long broken = batch.firstLoanId() + 25;
        String check = Sql.queryForText("SELECT next_check_due::text FROM loan WHERE id = ?", broken);
        // a date no rule can count back from: computing this loan's reminders fails in the database
        Sql.update("UPDATE loan SET next_check_due = DATE '4714-11-24 BC' WHERE id = ?", broken);
        try {
            ReminderSweep.SweepReport report = sweep.run(
                    ZonedDateTime.of(LocalDate.of(2026, 1, 5), LocalTime.of(9, 0), JapanTime.ZONE).toInstant());
            assertEquals(1, report.failedChunks().size(), report.toString());
            String[] range = report.failedChunks().get(0).split("-");
            assertTrue(Long.parseLong(range[0]) <= broken && broken <= Long.parseLong(range[1]), report.toString());
            long written = Sql.queryForLong("SELECT count(*) FROM reminder WHERE household_id BETWEEN ? AND ? "
                    + "AND recipient = 'FAMILY'", batch.firstHouseholdId(), batch.lastHouseholdId());
            assertTrue(written >= 40 - 10 && written < 40, "all but the failed chunk's loans: " + written);

            Sql.update("UPDATE loan SET next_check_due = CAST(? AS date) WHERE id = ?", check, broken);
            ReminderSweep.SweepReport again = sweep.run(
                    ZonedDateTime.of(LocalDate.of(2026, 1, 5), LocalTime.of(10, 0), JapanTime.ZONE).toInstant());
            assertEquals(0, again.failedChunks().size(), again.toString());
            assertEquals(40, Sql.queryForLong("SELECT count(*) FROM reminder WHERE household_id BETWEEN ? AND ? "
                    + "AND recipient = 'FAMILY'", batch.firstHouseholdId(), batch.lastHouseholdId()));
        } finally {
            try (Connection connection = Sql.connect()) {
                GeneratedLoans.remove(connection, batch);
            }
        }
    }
}
