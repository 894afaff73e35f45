package jp.inochi.scheduling;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.order.Ordered;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import jp.inochi.platform.time.JapanTime;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registers every {@link Recurring} job in the shared job store and starts this instance's scheduler. */
@Singleton
final class SchedulerLifecycle implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerLifecycle.class);
    private static final String GROUP = "inochi";
    /** Tries at removing a switched-off job while other instances remove it too. */
    private static final int REMOVAL_ATTEMPTS = 5;

    private final Scheduler scheduler;
    private final List<ScheduledJob> jobs;
    private final SchedulerSettings settings;

    SchedulerLifecycle(Scheduler scheduler, RecurringJobs jobs, SchedulerSettings settings) {
        this.scheduler = scheduler;
        this.jobs = jobs.all();
        this.settings = settings;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (!settings.start()) {
            return;
        }
        try {
            for (ScheduledJob job : jobs) {
                register(job);
            }
            scheduler.start();
            LOG.info("Scheduler started with {} recurring jobs (instance {})", jobs.size(),
                    scheduler.getSchedulerInstanceId());
        } catch (SchedulerException e) {
            throw new IllegalStateException("The scheduler could not start: " + e.getMessage(), e);
        }
    }

    /**
     * The jobs marked {@code run-at-start} run once when the instance is fully up: after the HTTP server started and
     * every other start-up listener (the demo data included) ran.
     */
    @Singleton
    static final class RunAtStart implements ApplicationEventListener<ServerStartupEvent>, Ordered {
        private final Scheduler scheduler;
        private final List<ScheduledJob> jobs;
        private final SchedulerSettings settings;

        RunAtStart(Scheduler scheduler, RecurringJobs jobs, SchedulerSettings settings) {
            this.scheduler = scheduler;
            this.jobs = jobs.all();
            this.settings = settings;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void onApplicationEvent(ServerStartupEvent event) {
            if (!settings.start()) {
                return;
            }
            for (ScheduledJob job : jobs) {
                if (job.cadence().enabled() && job.cadence().runAtStart()) {
                    try {
                        scheduler.triggerJob(new JobKey(job.name(), GROUP));
                    } catch (SchedulerException e) {
                        LOG.warn("Job {} could not be run at start: {}", job.name(), e.getMessage());
                    }
                }
            }
        }
    }

    /**
     * Instances starting together may remove the same job at once. Quartz lists a job's triggers and removes them in
     * separate transactions, so an instance may find a trigger it listed already removed by another while the durable
     * job itself is still there: it tries again, and a job found gone is what it wanted.
     */
    static void removeFromSharedStore(Scheduler scheduler, JobKey key) throws SchedulerException {
        for (int attempt = 1; ; attempt++) {
            try {
                scheduler.deleteJob(key);
                return;
            } catch (SchedulerException raced) {
                if (!scheduler.checkExists(key)) {
                    return;
                }
                if (attempt == REMOVAL_ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    /**
     * Replacing keeps one trigger per job however many instances start, and picks up a changed cron
     * ({@code schedules/jobs.yml}); a job switched off there is removed from the shared store, so no instance runs it.
     */
    private void register(ScheduledJob job) throws SchedulerException {
        JobCadences.Cadence cadence = job.cadence();
        if (!cadence.enabled()) {
            removeFromSharedStore(scheduler, new JobKey(job.name(), GROUP));
            LOG.info("Job {} is switched off in schedules/jobs.yml", job.name());
            return;
        }
        JobDetail detail = JobBuilder.newJob(job.jobClass())
                .withIdentity(job.name(), GROUP)
                .requestRecovery(true)
                .storeDurably()
                .build();
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(job.name(), GROUP)
                .withSchedule(CronScheduleBuilder.cronSchedule(cadence.cron())
                        .inTimeZone(TimeZone.getTimeZone(JapanTime.ZONE))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        scheduler.scheduleJob(detail, Set.of(trigger), true);
    }
}
