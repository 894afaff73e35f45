package jp.inochi.testruns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import jp.inochi.scheduling.SchedulesFile;
import jp.inochi.scheduling.SchedulesFileException;
import jp.inochi.testruns.model.TestRunPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** schedules/test-runs.yml sets the monthly test run; a missing file or a wrong value stops the start, in Japanese. */
class TestRunPolicyFileTest {

    @TempDir
    Path dir;

    @Test
    void theReviewedFileAsksForATestByTheFifteenthFiveDaysAheadAtTen() {
        TestRunPolicy policy = TestRunPolicyFile.read(SchedulesFile.read(Path.of("schedules/test-runs.yml")));
        assertEquals(new TestRunPolicy(15, 5, LocalTime.of(10, 0), 45), policy);
    }

    @Test
    void aMissingFileStopsTheStartNamingIt() {
        SchedulesFileException error = assertThrows(SchedulesFileException.class,
                () -> TestRunPolicyFile.read(SchedulesFile.read(dir.resolve("test-runs.yml"))));
        assertTrue(error.getMessage().contains("test-runs.yml: ファイルがありません"), error.getMessage());
    }

    @Test
    void aDayMissingInSomeMonthsOrALeadPastTheMonthsStartIsNamedInJapanese() throws Exception {
        Path file = dir.resolve("test-runs.yml");
        Files.writeString(file, """
                monthly-test-run:
                  test-day: 31
                  days-before: 5
                  send-at: "10:00"
                  links-valid-days: 45
                """);
        SchedulesFileException error = assertThrows(SchedulesFileException.class,
                () -> TestRunPolicyFile.read(SchedulesFile.read(file)));
        assertTrue(error.getMessage().contains("monthly-test-run.test-day: 「31」は 1〜28 の整数で書いてください"),
                error.getMessage());
        Files.writeString(file, "monthly-test-run:\n  test-day: 5\n  days-before: 5\n  send-at: \"10:00\"\n"
                + "  links-valid-days: 45\n");
        error = assertThrows(SchedulesFileException.class, () -> TestRunPolicyFile.read(SchedulesFile.read(file)));
        assertTrue(error.getMessage().contains("monthly-test-run.days-before"), error.getMessage());
    }
}
