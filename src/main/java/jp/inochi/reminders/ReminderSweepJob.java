package jp.inochi.reminders;

import jakarta.inject.Singleton;
import java.time.Clock;
import jp.inochi.scheduling.Recurring;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Every hour (schedules/jobs.yml), once across all instances: writes the reminders that came due
 * ({@link ReminderSweep#run}). If its instance dies mid-run, Quartz recovers the job on another instance; the sweep is
 * idempotent, so running it again is always safe.
 */
@Singleton
@Recurring("reminder-sweep")
@DisallowConcurrentExecution
class ReminderSweepJob implements Job {
    private final ReminderSweep sweep;
    private final Clock clock;

    ReminderSweepJob(ReminderSweep sweep, Clock clock) {
        this.sweep = sweep;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) {
        sweep.run(clock.instant());
    }
}
