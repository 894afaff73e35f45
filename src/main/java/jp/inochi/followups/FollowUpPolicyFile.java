package jp.inochi.followups;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import java.util.Set;
import jp.inochi.followups.model.FollowUpPolicy;
import jp.inochi.scheduling.SchedulesFile;
import jp.inochi.scheduling.SchedulesSettings;

/** Reads {@code schedules/follow-ups.yml} when the service starts; a mistake stops the start, named by line and key. */
@Factory
public class FollowUpPolicyFile {
    public static final String FILE = "follow-ups.yml";

    @Context
    FollowUpPolicy followUpPolicy(SchedulesSettings settings) {
        return read(SchedulesFile.read(settings.file(FILE)));
    }

    /** The policy of a schedules file; throws {@link jp.inochi.scheduling.SchedulesFileException} listing every problem. */
    public static FollowUpPolicy read(SchedulesFile file) {
        SchedulesFile.Section root = file.root();
        root.onlyKeys(Set.of("follow-up"));
        Integer days = root.requiredSection("follow-up").flatMap(section -> {
            section.onlyKeys(Set.of("due-in-days"));
            return section.integer("due-in-days", 1, 365);
        }).orElse(null);
        file.finish();
        return new FollowUpPolicy(days == null ? 0 : days);
    }
}
