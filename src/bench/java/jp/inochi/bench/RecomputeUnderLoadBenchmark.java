package jp.inochi.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import jp.inochi.access.Role;
import jp.inochi.exposure.HouseholdExposures;
import jp.inochi.hazards.HazardImports;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.layers.ImportProgress;
import jp.inochi.layers.ImportReport;
import jp.inochi.layers.ImportTraces;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.reminders.ReminderSweep;
import jp.inochi.testsupport.GeneratedLoans;
import jp.inochi.testsupport.GeoData;

/**
 * Issue 17, "the 46.5 s recompute": the whole prefecture's flood layer imported again as a new version of the same
 * layer (the version swap and the exposure recompute of its homes), first alone, then while other work runs: reminder
 * sweeps over 10,000 loans, 人吉市's at-risk list asked again and again, and a second import (another flood layer
 * over 人吉, imported again and again; or the same layer once more). {@link ActivitySampler} records what the replace's
 * session waited on; the details go to target/bench/recompute-under-load.md.
 */
final class RecomputeUnderLoadBenchmark implements Benchmark {
    static final String REPLACE_SESSION = "bench-replace";
    static final String SECOND_SESSION = "bench-second-import";
    private static final String OTHER_LAYER = "ベンチ 人吉・球磨 同時取込";
    private static final String HITOYOSHI = "43203";
    private static final int LOANS = 10_000;

    /** One replace: its times from start, by phase (as the importer reported them), and what the sampler saw. */
    private record Round(String label, double seconds, Map<ImportProgress.Phase, Double> phases, int[] recomputeSamples,
                         List<String> details) {

        double recomputePhase() {
            return seconds - phases.getOrDefault(ImportProgress.Phase.RECOMPUTING, seconds);
        }
    }

    @Override
    public String name() {
        return "recompute-under-load";
    }

    @Override
    public List<BenchResult> run() throws Exception {
        HazardBench bench = HazardBench.get();
        bench.fullFlood();
        bench.placeHomes();
        try (Connection connection = bench.connect(); Statement statement = connection.createStatement()) {
            GeneratedLoans.create(connection, "recompute", LOANS, LocalDate.now(JapanTime.ZONE).minusDays(1825), 1, 1826, true);
            statement.execute("ANALYZE");
        }
        bench.context.getBean(HouseholdExposures.class).recomputeAll();
        importLayer(bench, OTHER_LAYER, GeoData.FLOOD_SUBSET, null, ImportProgress.NONE);
        String token = bench.bearer(Role.MUNICIPAL_OFFICER, HITOYOSHI);

        List<Round> rounds = new ArrayList<>();
        rounds.add(replace(bench, "alone", token, null));
        rounds.add(replace(bench, "under load, " + OTHER_LAYER + " imported again and again", token, OTHER_LAYER));
        rounds.add(replace(bench, "under load, the same layer imported once more", token, HazardBench.FULL_LAYER));

        List<String> log = new ArrayList<>(List.of("# Layer replace under load", ""));
        List<BenchResult> results = new ArrayList<>();
        Round quiet = rounds.get(0);
        for (Round round : rounds) {
            log.add("## " + round.label());
            log.add("total " + String.format("%.2f", round.seconds()) + " s; phases start at (s): " + round.phases());
            log.addAll(round.details());
            log.add("");
            results.add(new BenchResult(name(), "whole prefecture flood layer replaced " + round.label()
                    + ": from RECOMPUTING to commit (recompute, old version deleted); the replace took "
                    + String.format("%.1f", round.seconds()) + " s; recompute samples " + round.recomputeSamples()[0]
                    + ", of which waiting on a lock " + round.recomputeSamples()[1], round.recomputePhase(), "s",
                    "the same alone", quiet.recomputePhase(), "reference", true));
        }
        Path out = Path.of("target/bench/recompute-under-load.md");
        Files.createDirectories(out.getParent());
        Files.write(out, log);
        log.forEach(line -> System.err.println("bench:   " + line));
        return results;
    }

    /** Replaces the whole prefecture's layer with a new version while the load runs (none when secondLayer is null). */
    private Round replace(HazardBench bench, String label, String token, String secondLayer) throws Exception {
        System.err.println("bench: replace " + label);
        String loadBefore = loadAverage();
        Map<ImportProgress.Phase, Double> phases = new EnumMap<>(ImportProgress.Phase.class);
        CountDownLatch locked = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        Map<String, AtomicInteger> done = new ConcurrentHashMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> load = new ArrayList<>();
        if (secondLayer != null) {
            load.add(loop("sweep", stop, done, failures, new Runnable() {
                private int day;

                @Override
                public void run() {
                    bench.context.getBean(ReminderSweep.class).run(ZonedDateTime.of(LocalDate.now(JapanTime.ZONE)
                            .plusDays(day++), LocalTime.of(0, 5), JapanTime.ZONE).toInstant());
                }
            }));
            load.add(loop("at-risk list", stop, done, failures, () -> atRisk(bench, token)));
            boolean same = secondLayer.equals(HazardBench.FULL_LAYER);
            load.add(loop(same ? "second import of the same layer" : "import of " + secondLayer, stop, done, failures, () -> {
                await(locked);
                importLayer(bench, secondLayer, same ? GeoData.FLOOD_FULL : GeoData.FLOOD_SUBSET, SECOND_SESSION,
                        ImportProgress.NONE);
                if (same) {
                    stop.set(true);
                }
            }));
        }
        long started = System.nanoTime();
        ActivitySampler sampler = new ActivitySampler(bench, List.of(REPLACE_SESSION, SECOND_SESSION));
        ImportReport report = null;
        String failed = null;
        try {
            report = importLayer(bench, HazardBench.FULL_LAYER, GeoData.FLOOD_FULL, REPLACE_SESSION, (phase, count, total) -> {
                phases.computeIfAbsent(phase, p -> seconds(started));
                if (phase == ImportProgress.Phase.READING && count > 0) {
                    locked.countDown(); // the layer's row is locked before the first feature is read
                }
            });
        } catch (RuntimeException e) {
            failed = e.getMessage(); // e.g. a deadlock with the second import: recorded, the next round still runs
        } finally {
            locked.countDown();
        }
        double seconds = seconds(started);
        if (!HazardBench.FULL_LAYER.equals(secondLayer)) {
            stop.set(true);
        }
        for (Thread thread : load) {
            thread.join();
        }
        sampler.close();
        List<String> details = new ArrayList<>();
        details.add("load average before: " + loadBefore + ", after: " + loadAverage() + (failed == null ? "; version " + report.versionNo() : "; THE REPLACE FAILED: " + failed));
        details.add("meanwhile: " + done + (failures.isEmpty() ? ", no failures" : ", failures: " + failures));
        details.addAll(sampler.report());
        details.forEach(line -> System.err.println("bench:   " + line));
        System.err.println("bench:   total " + String.format("%.2f", seconds) + " s; phases start at (s): " + phases);
        return new Round(label + (failed == null ? "" : " (FAILED)"), seconds, phases,
                sampler.samplesOf(REPLACE_SESSION, "exposure recompute"), details);
    }

    private static ImportReport importLayer(HazardBench bench, String layer, String file, String session,
                                            ImportProgress progress) {
        try {
            return bench.importer().importFiles(HazardImports.request(layer, HazardType.FLOOD, "国土数値情報 A31b", "CC BY 4.0", null),
                    List.of(new InputFile(GeoData.file(file), file)), progress,
                    new ImportTraces(Path.of(System.getProperty("java.io.tmpdir")), session));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void atRisk(HazardBench bench, String token) {
        try {
            HttpResponse<String> response = bench.http.send(HttpRequest.newBuilder(bench.uri("/api/municipalities/" + HITOYOSHI
                    + "/at-risk")).header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("at-risk answered " + response.statusCode());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A thread doing the work again and again until told to stop, counting what it did and what failed. */
    private static Thread loop(String name, AtomicBoolean stop, Map<String, AtomicInteger> done, List<String> failures,
                               Runnable work) {
        Thread thread = new Thread(() -> {
            while (!stop.get()) {
                try {
                    work.run();
                    done.computeIfAbsent(name, key -> new AtomicInteger()).incrementAndGet();
                } catch (RuntimeException e) {
                    failures.add(name + ": " + e);
                }
            }
        }, "load-" + name);
        thread.start();
        return thread;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
