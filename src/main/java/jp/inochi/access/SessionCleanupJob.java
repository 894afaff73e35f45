package jp.inochi.access;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Forgets web sessions that ended or expired a month ago (sign-ins stay in the audit log). Not started in tests. */
@Singleton
@Requires(notEnv = Environment.TEST)
class SessionCleanupJob {
    private final Sessions sessions;

    SessionCleanupJob(Sessions sessions) {
        this.sessions = sessions;
    }

    @Scheduled(fixedDelay = "6h", initialDelay = "10m")
    void run() {
        sessions.forgetFinished();
    }
}
