package jp.inochi.access;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Forgets web sessions that ended or expired a month ago (sign-ins stay in the audit log). */
@Singleton
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
