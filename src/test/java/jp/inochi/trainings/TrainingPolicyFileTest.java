package jp.inochi.trainings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import jp.inochi.scheduling.SchedulesFile;
import jp.inochi.scheduling.SchedulesFileException;
import jp.inochi.trainings.model.TrainingPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingPolicyFileTest {
    @Test
    void theCheckedInFileRemindsThreeDaysBeforeAtNine() {
        TrainingPolicy policy = TrainingPolicyFile.read(SchedulesFile.read(Path.of("schedules/trainings.yml")));
        assertEquals(3, policy.reminderDaysBefore());
        assertEquals(LocalTime.of(9, 0), policy.reminderAt());
    }

    @Test
    void aMistakeStopsTheStartWithAJapaneseMessage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trainings.yml");
        Files.writeString(file, "training:\n  reminder-days-before: 0\n  reminder-at: \"9時\"\n");
        SchedulesFileException refused = assertThrows(SchedulesFileException.class,
                () -> TrainingPolicyFile.read(SchedulesFile.read(file)));
        assertTrue(refused.getMessage().contains("reminder-days-before"), refused.getMessage());
        assertTrue(refused.getMessage().contains("時:分"), refused.getMessage());
    }
}
