package jp.inochi.loans;

import jakarta.inject.Singleton;
import jp.inochi.scheduling.ScheduledJob;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Every night (00:10 in Japan unless {@code schedules/jobs.yml} says otherwise), once across all instances
 * (clustered Quartz): opens the returns that are due ({@link DueReturns#openDueReturns()}).
 */
@Singleton
@DisallowConcurrentExecution
class LoanSweepJob implements Job {
    private final DueReturns dueReturns;

    LoanSweepJob(DueReturns dueReturns) {
        this.dueReturns = dueReturns;
    }

    @Override
    public void execute(JobExecutionContext context) {
        dueReturns.openDueReturns();
    }

    @Singleton
    static class Schedule implements ScheduledJob {

        @Override
        public String name() {
            return "loan-returns-sweep";
        }

        @Override
        public String cron() {
            return "0 10 0 * * ?";
        }

        @Override
        public Class<? extends Job> jobClass() {
            return LoanSweepJob.class;
        }
    }
}
