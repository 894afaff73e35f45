package jp.inochi.loans;

import jakarta.inject.Singleton;
import jp.inochi.scheduling.Recurring;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Every night (schedules/jobs.yml: 00:10 in Japan), once across all instances
 * (clustered Quartz): opens the returns that are due ({@link Loans#openDueReturns()}).
 */
@Singleton
@Recurring("loan-returns-sweep")
@DisallowConcurrentExecution
class LoanSweepJob implements Job {
    private final Loans loans;

    LoanSweepJob(Loans loans) {
        this.loans = loans;
    }

    @Override
    public void execute(JobExecutionContext context) {
        loans.openDueReturns();
    }
}
