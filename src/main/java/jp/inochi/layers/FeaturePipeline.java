package jp.inochi.layers;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jp.inochi.layers.reading.FeatureReader;
import jp.inochi.layers.reading.SourceFeature;

/**
 * Reads the features on a thread of its own and shapes them on others while the caller writes them (reader → shapers
 * → caller), in batches handed over in file order through a bounded queue, so memory stays bounded whatever the
 * file's size. A failure anywhere ends it: the reader's or a shaper's exception is thrown to the caller as it was
 * thrown, after the features before it; {@link #close()} stops the threads before the file is closed.
 */
final class FeaturePipeline<T> implements AutoCloseable {
    static final int BATCH = 256;
    private static final int BATCHES_AHEAD = 8;
    private static final AtomicInteger PIPELINES = new AtomicInteger();

    /** Makes one feature ready to write; called on the shaping threads, so it must not share mutable state. */
    interface Shaper<T> {
        T shape(SourceFeature feature) throws Exception;
    }

    private final BlockingQueue<Future<List<T>>> ready = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final ExecutorService shapers;
    private final Thread reading;
    private volatile boolean stopped;
    private Iterator<T> batch = Collections.emptyIterator();
    private boolean ended;

    FeaturePipeline(FeatureReader reader, Shaper<T> shaper, int shapingThreads) {
        int number = PIPELINES.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.shapers = Executors.newFixedThreadPool(shapingThreads, task -> daemon(task,
                "import-" + number + "-shape-" + threads.incrementAndGet()));
        this.reading = daemon(() -> read(reader, shaper), "import-" + number + "-read");
        reading.start();
    }

    /** Shaping threads for this machine: the cores left after the reader's (the caller mostly waits on PostgreSQL). */
    static int shapingThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** The next shaped feature in file order, or null after the last; rethrows what stopped the reader or a shaper. */
    T next() throws IOException {
        while (!batch.hasNext()) {
            if (ended) {
                return null;
            }
            List<T> shaped = await(take());
            if (shaped == null) {
                ended = true;
                return null;
            }
            batch = shaped.iterator();
        }
        return batch.next();
    }

    private Future<List<T>> take() throws InterruptedIOException {
        try {
            return ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the import was interrupted");
        }
    }

    private static <T> List<T> await(Future<List<T>> shaped) throws IOException {
        try {
            return shaped.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the import was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    private void read(FeatureReader reader, Shaper<T> shaper) {
        List<SourceFeature> features = new ArrayList<>(BATCH);
        try {
            SourceFeature feature;
            while (!stopped && (feature = reader.next()) != null) {
                features.add(feature);
                if (features.size() == BATCH) {
                    hand(shape(features, shaper));
                    features = new ArrayList<>(BATCH);
                }
            }
            if (!features.isEmpty()) {
                hand(shape(features, shaper));
            }
            hand(CompletableFuture.completedFuture(null));
        } catch (Throwable e) {
            // the caller gets the features read before it, then rethrows it
            try {
                if (!features.isEmpty() && !stopped) {
                    hand(shape(features, shaper));
                }
                hand(CompletableFuture.failedFuture(e));
            } catch (InterruptedException again) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Future<List<T>> shape(List<SourceFeature> features, Shaper<T> shaper) {
        return shapers.submit(() -> {
            List<T> shaped = new ArrayList<>(features.size());
            for (SourceFeature feature : features) {
                shaped.add(shaper.shape(feature));
            }
            return shaped;
        });
    }

    /** Waits for room in the queue, unless the caller stopped. */
    private void hand(Future<List<T>> shaped) throws InterruptedException {
        while (!stopped) {
            if (ready.offer(shaped, 50, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
        shaped.cancel(false);
    }

    /** Stops reading and shaping, and returns once no thread of this import reads the file any more. */
    @Override
    public void close() {
        stopped = true;
        boolean interrupted = false;
        while (reading.isAlive()) {
            ready.clear(); // room for a reader waiting to hand over a batch
            try {
                reading.join(50);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        ready.forEach(shaped -> shaped.cancel(false));
        ready.clear();
        shapers.shutdownNow();
        try {
            shapers.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
