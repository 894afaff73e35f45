package jp.inochi.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.inochi.access.Role;
import jp.inochi.exposure.HouseholdExposures;
import jp.inochi.layers.ImportProgress;
import jp.inochi.layers.ImportRequest;
import jp.inochi.layers.LayerKind;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.testsupport.GeoData;

/**
 * Issue 17, the cost curve: how time and memory grow from 20,000 to 1,000,000 synthetic homes (one database, grown
 * size by size) for the exposure of every home against the prefecture's flood layer, 人吉市's at-risk list over HTTP
 * as its officer, and the first page of the prefecture-wide typhoon's call sheet over HTTP as center staff; then the
 * reminder sweep over 100,000 and 1,000,000 loans ({@link CostCurveLoans}). Goals: ≤ 12× per 10×, exposure of 1M
 * homes < 30 s, the two pages < 200 ms at 1M, the service's RSS < 1 GB. Sizes: {@code -Dbench.sizes=20000,200000}
 * and {@code -Dbench.loans=100000} for quick runs.
 */
final class CostCurveBenchmark implements Benchmark {
    static final String GROWTH_GOAL = "≤ 12× per 10×";
    static final double MEMORY_GOAL_MIB = 1024;
    private static final String HITOYOSHI = "43203";

    @Override
    public String name() {
        return "cost-curve";
    }

    @Override
    public List<BenchResult> run() throws Exception {
        long[] sizes = sizes("bench.sizes", 20_000, 200_000, 1_000_000);
        HazardBench bench = HazardBench.get();
        long layerId = bench.fullFlood().layerId();
        shelters(bench);
        String officer = bench.bearer(Role.MUNICIPAL_OFFICER, HITOYOSHI);
        String center = bench.bearer(Role.CENTER_STAFF, null);
        List<BenchResult> results = new ArrayList<>();
        double[][] times = new double[3][sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            long size = sizes[s];
            String homes = String.format("%,d homes", size);
            long growing = System.nanoTime();
            long added = CostCurveHomes.growTo(bench, size);
            results.add(shown(reference("set-up: " + homes + " (" + String.format("%,d", added) + " added in SQL, with guardians)",
                    HazardBench.millisSince(growing) / 1000, "s")));
            try (MemoryWatch memory = MemoryWatch.start(bench.database.home())) {
                HouseholdExposures exposures = bench.context.getBean(HouseholdExposures.class);
                long first = System.nanoTime();
                exposures.recomputeAll();
                results.add(shown(reference("exposure, " + homes + ", first run after growing (inserts the new homes' rows)",
                        HazardBench.millisSince(first) / 1000, "s")));
                Repeated exposure = Repeated.time(0, size >= 1_000_000 ? 1 : 3, 60_000, exposures::recomputeAll);
                times[0][s] = exposure.p50();
                results.add(shown(measure("exposure of all " + homes + " × prefecture flood layer, set-based upsert, " + exposure,
                        exposure.p50() / 1000, "s", "< 30 s at 1M", exposure.p50() < 30_000)));

                // the JSON is paged since issue 17: the first page (50 rows, 50 audit entries) of the whole list
                HttpRequest atRisk = HttpRequest.newBuilder(bench.uri("/api/municipalities/" + HITOYOSHI + "/at-risk"))
                        .header("Authorization", "Bearer " + officer).GET().build();
                long[] listed = new long[1];
                Repeated list = Repeated.time(3, 15, 30_000, () -> {
                    listed[0] = AtRiskBenchmark.total(ok(bench.http.send(atRisk, HttpResponse.BodyHandlers.ofString()), "at-risk"));
                });
                times[1][s] = list.p50();
                String firstPage = AtRiskBenchmark.firstPage(bench, HITOYOSHI);
                double psql = HazardBench.median(bench.psqlTimings(firstPage, 13).subList(3, 13));
                results.add(shown(measure("at-risk list of 人吉市 over HTTP as its officer, first page (50 of "
                        + String.format("%,d", listed[0]) + " households, 50 audit entries), " + homes + ", " + list
                        + String.format("; its statement with the INSERT in psql %.3g ms (%.2f×)", psql, list.p50() / psql),
                        list.p50(), "ms", "< 200 ms at 1M", list.p50() < 200)));
                explain(bench, firstPage, "at-risk-explain-" + size + ".txt");

                long declaring = System.nanoTime();
                long event = CallSheetBenchmark.declare(bench, center, layerId, "ベンチ コスト曲線 台風");
                results.add(shown(reference("declaring the prefecture-wide typhoon (flood rank ≥ 2) over " + homes + ": "
                        + String.format("%,d", affected(bench, event)) + " households", HazardBench.millisSince(declaring) / 1000, "s")));
                HttpRequest sheet = HttpRequest.newBuilder(bench.uri("/disasters/" + event + "/call-list"))
                        .header("Authorization", "Bearer " + center).GET().build();
                Repeated page = Repeated.time(2, 10, 60_000, () -> {
                    String body = ok(bench.http.send(sheet, HttpResponse.BodyHandlers.ofString()), "the call sheet");
                    if (!body.contains("tel:")) {
                        throw new IllegalStateException("the call sheet shows no phone number");
                    }
                });
                times[2][s] = page.p50();
                results.add(shown(measure("call sheet first page (50 rows) over HTTP as center staff, " + homes + ", " + page,
                        page.p50(), "ms", "< 200 ms at 1M", page.p50() < 200)));
                results.add(shown(memoryRow(homes, memory)));
            }
        }
        String[] measures = {"exposure", "at-risk list", "call sheet first page"};
        for (int m = 0; m < measures.length; m++) {
            results.addAll(shown(growth(measures[m], sizes, times[m], "homes")));
        }
        results.addAll(new CostCurveLoans(sizes("bench.loans", 100_000, 1_000_000)).run());
        return results;
    }

    static BenchResult memoryRow(String what, MemoryWatch memory) {
        double service = memory.peakServiceMib();
        String measure = String.format("peak memory, %s: the service's RSS = the bench JVM's VmHWM (the service runs in it, "
                + "-Xmx4g; live heap after GC at most %.0f MiB); PostgreSQL's peak PSS, all its processes, %.0f MiB",
                what, memory.peakLiveHeapMib(), memory.peakPostgresMib());
        return BenchResult.withoutBaseline("cost-curve", measure, service, "MiB", "service < 1 GB", service < MEMORY_GOAL_MIB);
    }

    /** Growth per 10× between consecutive sizes: (t₂/t₁) ^ (1 / log₁₀(n₂/n₁)), so 200k → 1M counts as 10×. */
    static List<BenchResult> growth(String measure, long[] sizes, double[] times, String unit) {
        List<BenchResult> rows = new ArrayList<>();
        for (int s = 1; s < sizes.length; s++) {
            double factor = Math.pow(times[s] / times[s - 1], 1 / Math.log10((double) sizes[s] / sizes[s - 1]));
            rows.add(BenchResult.withoutBaseline("cost-curve", String.format("growth per 10×, %s, %,d → %,d %s (%.3g× in time)",
                    measure, sizes[s - 1], sizes[s], unit, times[s] / times[s - 1]), factor, "×", GROWTH_GOAL, factor <= 12));
        }
        return rows;
    }

    /** A row printed as soon as it is measured, so a run that fails later still shows what it measured. */
    static BenchResult shown(BenchResult row) {
        System.err.println("bench:   (so far) " + row.toMarkdownRow());
        return row;
    }

    static List<BenchResult> shown(List<BenchResult> rows) {
        rows.forEach(CostCurveBenchmark::shown);
        return rows;
    }

    static BenchResult reference(String measure, double value, String unit) {
        return BenchResult.withoutBaseline("cost-curve", measure, value, unit, "reference", true);
    }

    private static BenchResult measure(String measure, double value, String unit, String goal, boolean met) {
        return BenchResult.withoutBaseline("cost-curve", measure, value, unit, goal, met);
    }

    static long[] sizes(String property, long... defaults) {
        String given = System.getProperty(property, "").strip();
        return given.isEmpty() ? defaults
                : Arrays.stream(given.split(",")).map(String::strip).mapToLong(Long::parseLong).sorted().toArray();
    }

    private static String ok(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(400, response.body().length())));
        }
        return response.body();
    }

    /** The GSI shelters the call sheet shows beside each home, once per database. */
    private static void shelters(HazardBench bench) throws Exception {
        try (Connection connection = bench.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM geo_layer WHERE kind = 'SHELTER' "
                     + "AND current_version_id IS NOT NULL")) {
            row.next();
            if (row.getLong(1) > 0) {
                return;
            }
        }
        bench.importer().importFiles(ImportRequest.of(LayerKind.SHELTER, "ベンチ 指定避難所（国土地理院）",
                        "国土地理院「指定緊急避難場所・指定避難所データ」", null, "出典：国土地理院「指定緊急避難場所・指定避難所データ」"),
                List.of(new InputFile(GeoData.file(GeoData.SHELTERS_EVACUATION), GeoData.SHELTERS_EVACUATION)),
                ImportProgress.NONE);
    }

    /** EXPLAIN (ANALYZE, BUFFERS) of a statement into target/bench, rolled back (it writes audit entries). */
    private static void explain(HazardBench bench, String sql, String file) throws Exception {
        String plan = bench.psqlScript("BEGIN;\nEXPLAIN (ANALYZE, BUFFERS) " + sql.strip() + ";\nROLLBACK;\n");
        java.nio.file.Path out = java.nio.file.Path.of("target", "bench", file);
        java.nio.file.Files.createDirectories(out.getParent());
        java.nio.file.Files.writeString(out, plan);
    }

    private static long affected(HazardBench bench, long event) throws Exception {
        try (Connection connection = bench.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM disaster_event_household WHERE event_id = " + event)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
