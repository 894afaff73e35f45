package jp.inochi.access;

import jakarta.inject.Singleton;
import jp.inochi.scheduling.Recurring;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Every night (schedules/jobs.yml), once across all instances: forgets web sessions that ended or expired a month ago
 * ({@link Sessions#forgetFinished()}); the sign-ins stay in the audit log.
 */
@Singleton
@Recurring("finished-session-cleanup")
@DisallowConcurrentExecution
class SessionCleanupJob implements Job {
    private final Sessions sessions;

    SessionCleanupJob(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void execute(JobExecutionContext context) {
        sessions.forgetFinished();
    }
}
