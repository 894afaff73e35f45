package jp.inochi.followups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import jp.inochi.followups.model.FollowUpPolicy;
import jp.inochi.scheduling.SchedulesFile;
import jp.inochi.scheduling.SchedulesFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** schedules/follow-ups.yml holds 14 days, and a wrong value stops the start saying where and what, in Japanese. */
class FollowUpPolicyFileTest {

    @TempDir
    Path dir;

    @Test
    void theReviewedFileGivesFourteenDaysAndTheNextCheckOnTheSameDay() {
        FollowUpPolicy policy = FollowUpPolicyFile.read(SchedulesFile.read(Path.of("schedules/follow-ups.yml")));
        assertEquals(14, policy.dueInDays());
        assertEquals(LocalDate.of(2027, 1, 3), policy.dueOn(LocalDate.of(2026, 12, 20)));
        assertEquals(LocalDate.of(2027, 1, 3), policy.nextCheckAfterFailedCondition(LocalDate.of(2026, 12, 20)));
    }

    @Test
    void aWrongValueOrAnUnknownKeyIsNamedInJapanese() throws Exception {
        Path file = dir.resolve("follow-ups.yml");
        Files.writeString(file, "follow-up:\n  due-in-days: zero\n  due-in-day: 3\n");
        SchedulesFileException error = assertThrows(SchedulesFileException.class,
                () -> FollowUpPolicyFile.read(SchedulesFile.read(file)));
        assertTrue(error.getMessage().contains("follow-up.due-in-days: 「zero」は 1〜365 の整数で書いてください"),
                error.getMessage());
        assertTrue(error.getMessage().contains("due-in-day"), error.getMessage());
    }
}
