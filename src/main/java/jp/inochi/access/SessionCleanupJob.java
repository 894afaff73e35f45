package jp.inochi.access;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jp.inochi.scheduling.ScheduledJob;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Every night, once across all instances: forgets web sessions that ended or expired a month ago
 * ({@link Sessions#forgetFinished()}); the sign-ins stay in the audit log.
 */
@Singleton
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

    @Singleton
    static class Schedule implements ScheduledJob {
        private final String cron;

        Schedule(@Value("${inochi.sessions.cleanup.cron:0 40 3 * * ?}") String cron) {
            this.cron = cron;
        }

        @Override
        public String name() {
            return "finished-session-cleanup";
        }

        @Override
        public String cron() {
            return cron;
        }

        @Override
        public Class<? extends Job> jobClass() {
            return SessionCleanupJob.class;
        }
    }
}
