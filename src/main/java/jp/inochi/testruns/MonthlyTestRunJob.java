package jp.inochi.testruns;

import jakarta.inject.Singleton;
import java.time.Clock;
import jp.inochi.scheduling.Recurring;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** On the cadence of schedules/jobs.yml, once across all instances: {@link MonthlyTestRunAsks#run} (idempotent). */
@Singleton
@Recurring("test-run-reminders")
@DisallowConcurrentExecution
class MonthlyTestRunJob implements Job {
    private final MonthlyTestRunAsks asks;
    private final Clock clock;

    MonthlyTestRunJob(MonthlyTestRunAsks asks, Clock clock) {
        this.asks = asks;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) {
        asks.run(clock.instant());
    }
}
