package jp.inochi.layers;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * On every instance, at start and then every {@code inochi.import.heartbeat}: says this instance still runs its
 * import jobs, and ends those whose instance stopped. Not a Quartz job: each instance must beat for itself, and
 * deletes the files left on its own machine.
 */
@Singleton
class ImportHeartbeat {
    private final ImportJobs jobs;
    private final InterruptedImports interrupted;

    ImportHeartbeat(ImportJobs jobs, InterruptedImports interrupted) {
        this.jobs = jobs;
        this.interrupted = interrupted;
    }

    @Scheduled(initialDelay = "0s", fixedDelay = "${inochi.import.heartbeat:10s}")
    void beat() {
        jobs.heartbeat();
        interrupted.recover();
    }
}
