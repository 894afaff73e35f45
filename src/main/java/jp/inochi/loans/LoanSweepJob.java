package jp.inochi.loans;

import jakarta.inject.Singleton;
import jp.inochi.scheduling.Recurring;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Every night (schedules/jobs.yml: 00:10 in Japan), once across all instances
 * (clustered Quartz): opens the returns that are due ({@link DueReturns#openDueReturns()}).
 */
@Singleton
@Recurring("loan-returns-sweep")
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
}
