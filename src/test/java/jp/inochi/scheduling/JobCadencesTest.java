package jp.inochi.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * schedules/jobs.yml alone sets every job's cadence, the loan sweep's included; a wrong cron, an unknown job name or a
 * job left out stops the start.
 */
class JobCadencesTest {
    private static final Set<String> JOBS = Set.of("reminder-sweep", "outbox-delivery", "loan-returns-sweep",
            "exposure-and-place-sweep", "disaster-declaration-run-out", "finished-session-cleanup", "test-run-reminders");

    @TempDir
    Path dir;

    @Test
    void theReviewedFileSetsTheSweepsAndTheDelivery() {
        Map<String, JobCadences.Cadence> cadences = JobCadences.read(SchedulesFile.read(Path.of("schedules/jobs.yml")), JOBS);
        assertEquals(new JobCadences.Cadence("0 5 * * * ?", true, true), cadences.get("reminder-sweep"));
        assertEquals(new JobCadences.Cadence("0/30 * * * * ?", true, false), cadences.get("outbox-delivery"));
        assertEquals(new JobCadences.Cadence("0 10 0 * * ?", true, false), cadences.get("loan-returns-sweep"));
        assertEquals(new JobCadences.Cadence("0 */5 * * * ?", true, false), cadences.get("exposure-and-place-sweep"));
        assertEquals(new JobCadences.Cadence("0 * * * * ?", true, false), cadences.get("disaster-declaration-run-out"));
        assertEquals(new JobCadences.Cadence("0 40 3 * * ?", true, false), cadences.get("finished-session-cleanup"));
        assertEquals(new JobCadences.Cadence("0 20 * * * ?", true, false), cadences.get("test-run-reminders"));
    }

    @Test
    void aJobCanBeSwitchedOff() throws IOException {
        Map<String, JobCadences.Cadence> cadences = read("jobs:\n  reminder-sweep:\n    cron: \"0 5 * * * ?\"\n    enabled: false\n",
                Set.of("reminder-sweep"));
        assertFalse(cadences.get("reminder-sweep").enabled());
    }

    @Test
    void aJobTheFileLeavesOutStopsTheStartInsteadOfRunningOnACronFromCode() throws IOException {
        SchedulesFileException error = assertThrows(SchedulesFileException.class, () -> read("""
                jobs:
                  reminder-sweep:
                    cron: "0 5 * * * ?"
                """, Set.of("reminder-sweep", "outbox-delivery")));
        assertEquals(1, error.problems().size(), String.join("\n", error.problems()));
        assertTrue(error.problems().get(0).contains("jobs.outbox-delivery: このジョブの実行時刻が書かれていません"),
                error.problems().get(0));
    }

    @Test
    void aWrongCronAndAnUnknownJobAreNamedWithTheirLines() throws IOException {
        SchedulesFileException error = assertThrows(SchedulesFileException.class, () -> read("""
                jobs:
                  reminder-sweep:
                    cron: "0 5 * * *"
                  reminder-sweeps:
                    cron: "0 5 * * * ?"
                """, Set.of("reminder-sweep")));
        assertEquals(2, error.problems().size(), String.join("\n", error.problems()));
        assertTrue(error.problems().get(0).contains("jobs.yml, 3行目: jobs.reminder-sweep.cron: 「0 5 * * *」は Quartz の cron 式として正しくありません"),
                error.problems().get(0));
        assertTrue(error.problems().get(1).contains("jobs.yml, 5行目: jobs.reminder-sweeps: この名前のジョブはありません"),
                error.problems().get(1));
    }

    private Map<String, JobCadences.Cadence> read(String text, Set<String> jobs) throws IOException {
        Path file = dir.resolve("jobs.yml");
        Files.writeString(file, text);
        return JobCadences.read(SchedulesFile.read(file), jobs);
    }
}
