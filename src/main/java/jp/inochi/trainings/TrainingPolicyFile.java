package jp.inochi.trainings;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import java.time.LocalTime;
import java.util.Set;
import jp.inochi.scheduling.SchedulesFile;
import jp.inochi.scheduling.SchedulesSettings;
import jp.inochi.trainings.model.TrainingPolicy;

/** Reads {@code schedules/trainings.yml} when the service starts; a mistake stops the start, named by line and key. */
@Factory
public class TrainingPolicyFile {
    public static final String FILE = "trainings.yml";

    @Context
    TrainingPolicy trainingPolicy(SchedulesSettings settings) {
        return read(SchedulesFile.read(settings.file(FILE)));
    }

    /** The policy of a schedules file; throws {@link jp.inochi.scheduling.SchedulesFileException} listing every problem. */
    public static TrainingPolicy read(SchedulesFile file) {
        SchedulesFile.Section root = file.root();
        root.onlyKeys(Set.of("training"));
        TrainingPolicy[] policy = new TrainingPolicy[1];
        root.requiredSection("training").ifPresent(section -> {
            section.onlyKeys(Set.of("reminder-days-before", "reminder-at"));
            Integer days = section.integer("reminder-days-before", 1, 60).orElse(null);
            LocalTime at = section.timeOfDay("reminder-at").orElse(null);
            if (days != null && at != null) {
                policy[0] = new TrainingPolicy(days, at);
            }
        });
        file.finish();
        return policy[0];
    }
}
