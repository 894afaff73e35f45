package jp.inochi.scheduling;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;

/**
 * Instances starting together each remove a job switched off in schedules/jobs.yml from the shared store. Quartz
 * lists a job's triggers and removes them in separate transactions, so one instance may find the trigger it listed
 * already gone while the (durable) job is still there: start-up must not fail on that (TwoInstancesTest did, once).
 */
@MicronautTest(transactional = false)
class SwitchedOffJobRemovalTest {
    private static final int ROUNDS = 40;
    private static final int INSTANCES = 4;

    @Inject
    Scheduler scheduler;

    @Test
    void instancesRemovingTheSameSwitchedOffJobAtOnceAllStartAndTheJobIsGone() throws Exception {
        JobKey key = new JobKey("test-switched-off", "inochi");
        ExecutorService instances = Executors.newFixedThreadPool(INSTANCES);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                scheduler.scheduleJob(JobBuilder.newJob(Idle.class).withIdentity(key).storeDurably().build(),
                        Set.of(TriggerBuilder.newTrigger().withIdentity(key.getName(), key.getGroup())
                                .startAt(java.util.Date.from(java.time.Instant.now().plusSeconds(3600)))
                                .withSchedule(SimpleScheduleBuilder.repeatHourlyForever()).build()), true);
                CyclicBarrier together = new CyclicBarrier(INSTANCES);
                List<Future<?>> removals = new ArrayList<>();
                for (int i = 0; i < INSTANCES; i++) {
                    removals.add(instances.submit(() -> {
                        together.await();
                        SchedulerLifecycle.removeFromSharedStore(scheduler, key);
                        return null;
                    }));
                }
                for (Future<?> removal : removals) {
                    removal.get(); // throws if an instance's removal failed
                }
                assertFalse(scheduler.checkExists(key), "round " + round);
            }
        } finally {
            instances.shutdownNow();
            scheduler.deleteJob(key);
        }
    }

    /** A job that never runs here: its trigger starts an hour from now and the scheduler is not started. */
    public static class Idle implements Job {
        @Override
        public void execute(JobExecutionContext context) {
        }
    }
}
