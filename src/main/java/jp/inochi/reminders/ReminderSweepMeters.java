package jp.inochi.reminders;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

/**
 * The reminder sweep's meters: {@code inochi.reminder.sweeps} times each sweep (outcome {@code complete}, or
 * {@code partial} when a chunk failed), and counters of what the sweeps wrote: reminders, those that could not be
 * emailed, digests enqueued by recipient, and chunks that failed (retried by the next sweep).
 */
@Singleton
final class ReminderSweepMeters {
    private final MeterRegistry registry;

    ReminderSweepMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    Timer.Sample start() {
        return Timer.start(registry);
    }

    void swept(Timer.Sample sample, ReminderSweep.SweepReport report) {
        sample.stop(Timer.builder("inochi.reminder.sweeps").description("Reminder sweeps, complete or partial")
                .tag("outcome", report.failedChunks().isEmpty() ? "complete" : "partial").register(registry));
        count("inochi.reminders.written", "Reminders written by the sweep", report.remindersWritten());
        count("inochi.reminders.not.emailed", "Reminders written for families without consent or address",
                report.notEmailed());
        Counter.builder("inochi.reminder.digests").description("Digests enqueued by the sweep").tag("recipient", "family")
                .register(registry).increment(report.familyDigests());
        Counter.builder("inochi.reminder.digests").description("Digests enqueued by the sweep").tag("recipient", "staff")
                .register(registry).increment(report.staffDigest() ? 1 : 0);
        count("inochi.reminder.sweep.failures", "Chunks of a sweep that failed (the next sweep retries them)",
                report.failedChunks().size());
    }

    private void count(String name, String description, long amount) {
        Counter.builder(name).description(description).register(registry).increment(amount);
    }
}
