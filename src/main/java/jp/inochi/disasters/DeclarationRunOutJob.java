package jp.inochi.disasters;

import jakarta.inject.Singleton;
import jp.inochi.scheduling.Recurring;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Every minute (schedules/jobs.yml), once across all instances (clustered Quartz): records the declarations that reached their end time
 * ({@link Declarations#recordRunOut()}). Access already stopped at that instant, by the Clock, in SQL.
 */
@Singleton
@Recurring("disaster-declaration-run-out")
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
}
