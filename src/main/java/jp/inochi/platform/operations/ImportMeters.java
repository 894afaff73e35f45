package jp.inochi.platform.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * The imports' meters, shared by the geodata layer importer and the table imports: {@code inochi.imports} (a timer:
 * how many, how long, by kind and outcome) and {@code inochi.import.failures} (imports that wrote nothing, by cause).
 */
@Singleton
public final class ImportMeters {
    /** How an import ended: written, refused for its content (the file or its rows), or stopped by an error. */
    public enum Outcome {
        SUCCEEDED, REFUSED, FAILED
    }

    private final MeterRegistry registry;

    ImportMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Starts timing an import of the given kind ({@code hazard}, {@code households}...). */
    public Running start(String kind) {
        return new Running(kind.toLowerCase(Locale.ROOT), Timer.start(registry));
    }

    /** One import being timed; {@link #end} records it once. */
    public final class Running {
        private final String kind;
        private final Timer.Sample sample;

        private Running(String kind, Timer.Sample sample) {
            this.kind = kind;
            this.sample = sample;
        }

        public void end(Outcome outcome) {
            String outcomeTag = outcome.name().toLowerCase(Locale.ROOT);
            sample.stop(Timer.builder("inochi.imports").description("Imports of geodata layers and tables, by kind and outcome")
                    .tags("kind", kind, "outcome", outcomeTag).register(registry));
            if (outcome != Outcome.SUCCEEDED) {
                Counter.builder("inochi.import.failures").description("Imports that wrote nothing: refused file or error")
                        .tags("kind", kind, "cause", outcome == Outcome.REFUSED ? "content" : "error")
                        .register(registry).increment();
            }
        }
    }
}
