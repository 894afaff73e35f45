package jp.inochi.disasters;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jp.inochi.scheduling.ScheduledJob;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Every minute, once across all instances (clustered Quartz): records the declarations that reached their end time
 * ({@link Declarations#recordRunOut()}). Access already stopped at that instant, by the Clock, in SQL.
 */
@Singleton
@DisallowConcurrentExecution
class DeclarationRunOutJob implements Job {
    private final Declarations declarations;

    DeclarationRunOutJob(Declarations declarations) {
        this.declarations = declarations;
    }

    @Override
    public void execute(JobExecutionContext context) {
        declarations.recordRunOut();
    }

    @Singleton
    static class Schedule implements ScheduledJob {
        private final String cron;

        Schedule(@Value("${inochi.declarations.run-out.cron:0 * * * * ?}") String cron) {
            this.cron = cron;
        }

        @Override
        public String name() {
            return "disaster-declaration-run-out";
        }

        @Override
        public String cron() {
            return cron;
        }

        @Override
        public Class<? extends Job> jobClass() {
            return DeclarationRunOutJob.class;
        }
    }
}
