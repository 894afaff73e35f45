package jp.inochi.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jp.inochi.testsupport.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;

/** A recurring job bean runs on the cadence schedules/jobs.yml gives it (here a copy of the reviewed file plus its entry). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "inochi.scheduler.start", value = "true")
@Property(name = "spec.name", value = "ClusteredSchedulerTest")
class ClusteredSchedulerTest implements TestPropertyProvider {

    @Inject
    Scheduler scheduler;

    @Inject
    EverySecond everySecond;

    @Override
    public Map<String, String> getProperties() {
        try {
            Path dir = Files.createTempDirectory("inochi-schedules-");
            // every schedules file must be there: the service stops at start without one
            Files.copy(Path.of("schedules/follow-ups.yml"), dir.resolve("follow-ups.yml"));
            Files.copy(Path.of("schedules/test-runs.yml"), dir.resolve("test-runs.yml"));
            Files.writeString(dir.resolve("jobs.yml"), Files.readString(Path.of("schedules/jobs.yml"), StandardCharsets.UTF_8)
                    + "  test-every-second:\n    cron: \"* * * * * ?\"\n", StandardCharsets.UTF_8);
            Files.copy(Path.of("schedules/reminders.yml"), dir.resolve("reminders.yml"));
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

    @AfterEach
    void removeTheTestJobFromTheSharedStore() throws Exception {
        scheduler.deleteJob(new JobKey("test-every-second", "inochi"));
    }

    @Test
    void recurringJobIsABeanRunFromTheClusteredJdbcStore() throws Exception {
        assertTrue(scheduler.getMetaData().isJobStoreClustered());
        assertTrue(scheduler.getMetaData().isJobStoreSupportsPersistence());
        assertTrue(everySecond.ran.await(10, TimeUnit.SECONDS), "the job ran through Quartz");
        assertEquals(1, Sql.queryForLong(
                "SELECT count(*) FROM qrtz_triggers WHERE sched_name = 'inochi' AND trigger_name = 'test-every-second'"));
        assertTrue(Sql.queryForLong("SELECT count(*) FROM qrtz_scheduler_state WHERE sched_name = 'inochi'") >= 1,
                "this instance checked in to the cluster");
    }

    @Singleton
    @Recurring("test-every-second")
    @Requires(property = "spec.name", value = "ClusteredSchedulerTest")
    static class EverySecond implements Job {
        final CountDownLatch ran = new CountDownLatch(1);

        @Override
        public void execute(JobExecutionContext context) {
            ran.countDown();
        }
    }
}
