package jp.inochi.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Peak memory over a stretch of a benchmark. The service runs inside the bench's JVM, so its RSS is this process's:
 * the kernel's high-water mark (VmHWM, reset at the start through /proc/self/clear_refs). PostgreSQL is a family of
 * processes sharing its buffers, so it is sampled (every 200 ms) as the sum of their PSS, which counts shared pages
 * once; without /proc (not Linux) both read 0. Beside them, the heap's peak live size after a collection, as what the
 * work needs (the RSS follows the heap the JVM chose to grow, up to -Xmx).
 */
final class MemoryWatch implements AutoCloseable {
    private final long postmaster;
    private final Thread sampler;
    private volatile long peakPostgresKb;
    private volatile long peakLiveHeapBytes;
    private volatile boolean stopped;

    private MemoryWatch(long postmaster) {
        this.postmaster = postmaster;
        resetHighWaterMark();
        sampler = new Thread(this::sample, "bench-memory-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts watching this JVM and the PostgreSQL whose data directory is {@code home}/data. */
    static MemoryWatch start(Path postgresHome) {
        long pid = -1;
        try {
            pid = Long.parseLong(Files.readAllLines(postgresHome.resolve("data/postmaster.pid")).get(0).strip());
        } catch (IOException | RuntimeException unreadable) {
            // PostgreSQL's memory then reads 0; the JVM's is still measured
        }
        return new MemoryWatch(pid);
    }

    /** The JVM's (the service's) peak RSS since the watch started, in MiB. */
    double peakServiceMib() {
        return statusKb("VmHWM") / 1024.0;
    }

    /** PostgreSQL's peak total PSS seen while watching, in MiB. */
    double peakPostgresMib() {
        return Math.max(peakPostgresKb, postgresPssKb()) / 1024.0;
    }

    /** The most the heap held right after a collection while watching, in MiB: what the work needs, not what -Xmx allows. */
    double peakLiveHeapMib() {
        return Math.max(peakLiveHeapBytes, liveHeapBytes()) / 1048576.0;
    }

    @Override
    public void close() {
        stopped = true;
        sampler.interrupt();
    }

    private void sample() {
        while (!stopped) {
            peakPostgresKb = Math.max(peakPostgresKb, postgresPssKb());
            peakLiveHeapBytes = Math.max(peakLiveHeapBytes, liveHeapBytes());
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long liveHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
                .mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum();
    }

    private static void resetHighWaterMark() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException notLinux) {
            // the peak then covers the JVM's whole life, which is still an upper bound
        }
    }

    private static long statusKb(String field) {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith(field + ":"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0);
        } catch (IOException | RuntimeException notLinux) {
            return 0;
        }
    }

    private long postgresPssKb() {
        if (postmaster < 0) {
            return 0;
        }
        long total = pssKb(postmaster);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                if (parentOf(process) == postmaster) {
                    total += pssKb(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // a backend ended while we looked: this sample is a little low
        }
        return total;
    }

    private static long parentOf(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            List<String> fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
            return Long.parseLong(fields.get(1));
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    private static long pssKb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup")).stream().filter(line -> line.startsWith("Pss:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
