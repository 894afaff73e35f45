package jp.inochi.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jp.inochi.testsupport.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;

@MicronautTest(transactional = false)
@Property(name = "inochi.scheduler.start", value = "true")
@Property(name = "spec.name", value = "ClusteredSchedulerTest")
class ClusteredSchedulerTest {

    @Inject
    Scheduler scheduler;

    @Inject
    EverySecond everySecond;

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
    @Requires(property = "spec.name", value = "ClusteredSchedulerTest")
    static class EverySecond implements ScheduledJob {
        final CountDownLatch ran = new CountDownLatch(1);

        @Override
        public String name() {
            return "test-every-second";
        }

        @Override
        public String cron() {
            return "* * * * * ?";
        }

        @Override
        public Class<? extends Job> jobClass() {
            return CountingJob.class;
        }
    }

    @Singleton
    @Requires(property = "spec.name", value = "ClusteredSchedulerTest")
    static class CountingJob implements Job {
        private final EverySecond schedule;

        CountingJob(EverySecond schedule) {
            this.schedule = schedule;
        }

        @Override
        public void execute(JobExecutionContext context) {
            schedule.ran.countDown();
        }
    }
}
