package jp.inochi.loans;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jp.inochi.scheduling.ScheduledJob;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Every night at 00:10 in Japan, once across all instances (clustered Quartz): opens the returns
 * that are due ({@link Loans#openDueReturns()}).
 */
@Singleton
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

    @Singleton
    static class Schedule implements ScheduledJob {
        private final String cron;

        Schedule(@Value("${inochi.loans.sweep.cron:0 10 0 * * ?}") String cron) {
            this.cron = cron;
        }

        @Override
        public String name() {
            return "loan-returns-sweep";
        }

        @Override
        public String cron() {
            return cron;
        }

        @Override
        public Class<? extends Job> jobClass() {
            return LoanSweepJob.class;
        }
    }
}
