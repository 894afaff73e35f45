package jp.inochi.platform.database;

import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * A read started beside the request's own, for a page whose reads do not depend on each other: each runs on its own
 * connection in its own read-only transaction, and the page waits for it only where it needs the answer.
 */
@Singleton
public class ReadsAside {
    private final ExecutorService executor;

    ReadsAside(@Named(TaskExecutors.IO) ExecutorService executor) {
        this.executor = executor;
    }

    /** Starts the read now; its answer (or its failure, as thrown here) comes from {@link Pending#get()}. */
    public <T> Pending<T> start(Supplier<T> read) {
        return new Pending<>(CompletableFuture.supplyAsync(read, executor));
    }

    /** A read under way. */
    public static final class Pending<T> {
        private final CompletableFuture<T> answer;

        private Pending(CompletableFuture<T> answer) {
            this.answer = answer;
        }

        /** Waits for the answer; a failure of the read is thrown as the read threw it. */
        public T get() {
            try {
                return answer.join();
            } catch (CompletionException failed) {
                if (failed.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                if (failed.getCause() instanceof Error cause) {
                    throw cause;
                }
                throw failed;
            }
        }
    }
}
