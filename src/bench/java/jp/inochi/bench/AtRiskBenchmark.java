package jp.inochi.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.access.Role;
import jp.inochi.exposure.HouseholdExposures;
import jp.inochi.access.Viewer;
import jp.inochi.atrisk.AtRiskStatement;
import jp.inochi.audit.AuditLog;

/**
 * Issue 4: the 人吉市 at-risk list through the API as its disaster office calls it (token, scope, exposure details,
 * credits, one audit entry per household shown, JSON) against the list's own SQL run in psql (goal: p50 ratio ≤ 1.3).
 * Since issue 17 the JSON is paged (50 a page): both sides take the first page, and the SQL is the service's whole
 * statement, {@link AtRiskStatement#audited}: the ranking, the page's details, the total and the page's audit INSERT.
 */
final class AtRiskBenchmark implements Benchmark {
    private static final String HITOYOSHI = "43203";
    private static final int WARMUP = 10;
    private static final int RUNS = 50;

    @Override
    public String name() {
        return "at-risk";
    }

    @Override
    public List<BenchResult> run() throws Exception {
        HazardBench bench = HazardBench.get();
        bench.fullFlood();
        bench.placeHomes();
        bench.context.getBean(HouseholdExposures.class).recomputeAll();
        String token = bench.bearer(Role.MUNICIPAL_OFFICER, HITOYOSHI);
        HttpRequest request = HttpRequest.newBuilder(bench.uri("/api/municipalities/" + HITOYOSHI + "/at-risk"))
                .header("Authorization", "Bearer " + token).GET().build();
        List<Double> api = new ArrayList<>();
        long listed = 0;
        int shown = 0;
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = bench.http.send(request, HttpResponse.BodyHandlers.ofString());
            double millis = HazardBench.millisSince(started);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("at-risk answered " + response.statusCode() + ": " + response.body());
            }
            listed = total(response.body());
            shown = Integer.parseInt(response.body().replaceAll("(?s).*\"count\":(\\d+).*", "$1"));
            if (i >= WARMUP) {
                api.add(millis);
            }
        }
        String sql = firstPage(bench, HITOYOSHI);
        List<Double> psql = bench.psqlTimings(sql, WARMUP + RUNS).subList(WARMUP, WARMUP + RUNS);
        double oursP50 = HazardBench.median(api);
        double psqlP50 = HazardBench.median(psql);
        // The same call for a hazard type with no layer: an empty list, no audit rows; the cost of a request as such.
        HttpRequest empty = HttpRequest.newBuilder(bench.uri("/api/municipalities/" + HITOYOSHI + "/at-risk?hazardType=TSUNAMI"))
                .header("Authorization", "Bearer " + token).GET().build();
        List<Double> emptyTimes = new ArrayList<>();
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long started = System.nanoTime();
            bench.http.send(empty, HttpResponse.BodyHandlers.ofString());
            if (i >= WARMUP) {
                emptyTimes.add(HazardBench.millisSince(started));
            }
        }
        return List.of(new BenchResult(name(), "人吉市, first page: " + shown + " of " + listed + " households listed ("
                        + shown + " audit rows per call), p50 of " + RUNS + " (HTTP, JSON)", oursP50, "ms",
                        "same statement with its audit INSERT in psql", psqlP50, "≤ 1.3 × psql", oursP50 <= 1.3 * psqlP50),
                BenchResult.withoutBaseline(name(), "reference: the same call listing nobody (no audit rows), p50 of " + RUNS,
                        HazardBench.median(emptyTimes), "ms", "reference", true));
    }

    /** The total of the list in a JSON page. */
    static long total(String body) {
        return Long.parseLong(body.replaceAll("(?s).*\"total\":(\\d+).*", "$1"));
    }

    /**
     * The service's statement for the municipality's first page as its officer sees it, with the audit INSERT of the
     * page's 50 entries, parameters written in (the entries are those of a bench officer, as the API writes them).
     */
    static String firstPage(HazardBench bench, String municipality) {
        Instant now = Instant.now();
        String at = "'" + now + "'::timestamptz";
        String scope = "'MUNICIPAL_OFFICER', '" + municipality + "', NULL, " + at;
        Viewer officer = new Viewer(0, "bench-psql", "ベンチ", jp.inochi.access.Role.MUNICIPAL_OFFICER, municipality,
                null, "127.0.0.1");
        String sql = AtRiskStatement.audited(bench.context.getBean(AuditLog.class).householdsReadBy(officer, "bench psql"));
        return fill(sql, scope, "NULL", "NULL", "1", "true", "'" + municipality + "'", "NULL", "NULL", "NULL", "NULL",
                scope, "50", "0", at, "(SELECT min(id) FROM app_user)", "'bench-psql'", "'MUNICIPAL_OFFICER'",
                "'127.0.0.1'", "'READ'", "'GET /api/municipalities/{code}/at-risk'", "'" + municipality + "'", at, "false");
    }

    /** The statement with its parameters written in: a scope stands for its four values. */
    static String fill(String sql, String... values) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        List<String> expanded = new ArrayList<>();
        for (String value : values) {
            if (value.startsWith("'MUNICIPAL_OFFICER', ")) {
                expanded.addAll(List.of(value.split(", ")));
            } else {
                expanded.add(value);
            }
        }
        for (char ch : sql.toCharArray()) {
            if (ch == '?') {
                out.append(expanded.get(next++));
            } else {
                out.append(ch);
            }
        }
        if (next != expanded.size()) {
            throw new IllegalStateException("filled " + next + " of " + expanded.size() + " parameters");
        }
        return out.toString();
    }
}
