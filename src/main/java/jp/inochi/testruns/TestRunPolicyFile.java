package jp.inochi.testruns;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import java.time.LocalTime;
import java.util.Set;
import jp.inochi.scheduling.SchedulesFile;
import jp.inochi.scheduling.SchedulesSettings;
import jp.inochi.testruns.model.TestRunPolicy;

/** Reads {@code schedules/test-runs.yml} when the service starts; a missing file or a mistake stops the start. */
@Factory
public class TestRunPolicyFile {
    public static final String FILE = "test-runs.yml";

    @Context
    TestRunPolicy testRunPolicy(SchedulesSettings settings) {
        return read(SchedulesFile.read(settings.file(FILE)));
    }

    /** The policy of a schedules file; throws {@link jp.inochi.scheduling.SchedulesFileException} listing every problem. */
    public static TestRunPolicy read(SchedulesFile file) {
        SchedulesFile.Section root = file.root();
        root.onlyKeys(Set.of("monthly-test-run"));
        SchedulesFile.Section section = root.requiredSection("monthly-test-run").orElse(null);
        Integer testDay = null;
        Integer daysBefore = null;
        LocalTime sendAt = null;
        Integer linksValidDays = null;
        if (section != null) {
            section.onlyKeys(Set.of("test-day", "days-before", "send-at", "links-valid-days"));
            testDay = section.integer("test-day", 1, TestRunPolicy.LAST_TEST_DAY).orElse(null);
            daysBefore = section.integer("days-before", 0, TestRunPolicy.LAST_TEST_DAY - 1).orElse(null);
            sendAt = section.timeOfDay("send-at").orElse(null);
            linksValidDays = section.integer("links-valid-days", 1, 90).orElse(null);
            if (testDay != null && daysBefore != null && daysBefore >= testDay) {
                section.problem("days-before", "試運転の日（test-day: " + testDay + "）より前の、同じ月の日になるように、"
                        + (testDay - 1) + " 以下で書いてください");
            }
        }
        file.finish();
        return new TestRunPolicy(testDay == null ? 1 : testDay, daysBefore == null ? 0 : daysBefore,
                sendAt == null ? LocalTime.NOON : sendAt, linksValidDays == null ? 1 : linksValidDays);
    }
}
