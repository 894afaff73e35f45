package jp.inochi.scheduling;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;

/**
 * Where the reviewed schedule files live ({@code inochi.schedules.dir}, env {@code INOCHI_SCHEDULES_DIR}): by default
 * {@code schedules/} of the working directory, which is the repository root for {@code bin/run} and the tests.
 */
@ConfigurationProperties("inochi.schedules")
public record SchedulesSettings(@Bindable(defaultValue = "schedules") String dir) {

    public Path file(String name) {
        return Path.of(dir).resolve(name);
    }
}
