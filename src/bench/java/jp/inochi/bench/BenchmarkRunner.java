package jp.inochi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Runs the named benchmarks (or all) and prints one markdown table, dated and with the machine described. */
public final class BenchmarkRunner {

    /** The key benchmark services sign their tokens with (services in production get INOCHI_JWT_SECRET). */
    static final String SIGNING_SECRET = "benchmark-signing-secret-0123456789abcdef";

    /** Every benchmark of the project; add new ones here (the cost curve last: it grows the shared database to 1M homes). */
    static List<Benchmark> all() {
        return List.of(new StartupBenchmark(), new HazardImportBenchmark(), new ExposureBenchmark(), new AtRiskBenchmark(),
                new TileBenchmark(), new ReminderSweepBenchmark(), new DisasterDayBenchmark(), new CallSheetBenchmark(),
                new PlanPdfBenchmark(), new RecomputeUnderLoadBenchmark(), new CostCurveBenchmark());
    }

    /** {@code bin/bench --quick}: the benchmarks with ratio goals, each in its quick form (see {@link #quick()}). */
    static final String QUICK = "--quick";
    static final Set<String> QUICK_SET = Set.of("hazard-import", "at-risk", "tiles");
    private static boolean quick;

    /** Whether this is a {@code --quick} run: a benchmark may then leave out what no ratio goal needs. */
    static boolean quick() {
        return quick;
    }

    public static void main(String[] args) throws Exception {
        Set<String> wanted = Arrays.stream(String.join(",", args).split(","))
                .map(String::strip).filter(name -> !name.isEmpty()).collect(Collectors.toCollection(HashSet::new));
        quick = wanted.remove(QUICK);
        if (quick && (wanted.isEmpty() || wanted.remove("all"))) {
            wanted.addAll(QUICK_SET);
        }
        long runStarted = System.nanoTime();
        List<BenchResult> results = new ArrayList<>();
        List<Benchmark> selected = all().stream()
                .filter(benchmark -> wanted.isEmpty() || wanted.contains("all") || wanted.contains(benchmark.name()))
                .toList();
        if (selected.isEmpty()) {
            System.err.println("No benchmark named " + wanted + "; known: "
                    + all().stream().map(Benchmark::name).toList());
            System.exit(2);
        }
        List<String> table = new ArrayList<>();
        table.add("Measured " + LocalDate.now() + " on " + machine() + ".");
        table.add("");
        table.add("| benchmark | measure | ours | baseline | ratio | goal | met |");
        table.add("|---|---|---|---|---|---|---|");
        for (Benchmark benchmark : selected) {
            System.err.println("bench: running " + benchmark.name() + "...");
            for (BenchResult result : benchmark.run()) {
                results.add(result);
                table.add(result.toMarkdownRow());
                System.err.println("bench:   " + result.toMarkdownRow());
            }
        }
        Path out = Path.of("target/bench/results.md");
        Files.createDirectories(out.getParent());
        Files.write(out, table);
        System.out.println(String.join("\n", table));
        System.exit(quick ? guard(results, runStarted) : 0);
    }

    /** The exit status of a quick run: 1 when a ratio goal is missed by more than the guard's tolerance. */
    private static int guard(List<BenchResult> results, long runStarted) {
        List<String> failures = RatioGuard.failures(results);
        System.err.printf("bench --quick: %d results in %.0f s; %s%n", results.size(), (System.nanoTime() - runStarted) / 1e9,
                failures.isEmpty() ? "every ratio goal met within 20 %" : failures.size() + " ratio goal(s) missed by more than 20 %:");
        failures.forEach(failure -> System.err.println("bench --quick:   " + failure));
        return failures.isEmpty() ? 0 : 1;
    }

    static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst().orElse(cpu);
        } catch (IOException ignored) {
            // not Linux: keep "unknown CPU"
        }
        long memoryGib = Math.round(((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() / 1073741824.0);
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memoryGib + " GiB, Java "
                + System.getProperty("java.version");
    }
}
