package jp.inochi.exposure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.function.IntSupplier;

/**
 * Exposure's meters: {@code inochi.exposure.recompute} times each recompute by what caused it (a new layer version,
 * a household that moved, the sweep of stale rows, everything), and {@code inochi.exposure.evaluations} counts the
 * household and hazard-type rows written.
 */
@Singleton
final class ExposureMeters {
    /** What asked for the recompute; the tag value. */
    enum Trigger {
        LAYER("layer"), HOUSEHOLD("household"), STALE("stale"), ALL("all");

        private final String tag;

        Trigger(String tag) {
            this.tag = tag;
        }
    }

    private final MeterRegistry registry;

    ExposureMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Runs the recompute, timing it (failed ones too) and counting the rows it wrote. */
    int timed(Trigger trigger, IntSupplier recompute) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failed";
        try {
            int rows = recompute.getAsInt();
            outcome = "succeeded";
            Counter.builder("inochi.exposure.evaluations").description("Household exposure rows written by recomputes")
                    .tag("trigger", trigger.tag).register(registry).increment(rows);
            return rows;
        } finally {
            sample.stop(Timer.builder("inochi.exposure.recompute").description("Exposure recomputes, by trigger and outcome")
                    .tags("trigger", trigger.tag, "outcome", outcome).register(registry));
        }
    }
}
