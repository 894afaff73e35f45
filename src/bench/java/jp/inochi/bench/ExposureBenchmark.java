package jp.inochi.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.exposure.HouseholdExposures;

/**
 * Issue 4: exposure of 20,000 synthetic homes (jittered 町字 points) against the whole prefecture's flood zones,
 * as the service computes it (point-in-polygon on ST_Subdivide parts, one set-based statement; goal < 1 s), beside
 * the naive statement: the same upsert with ST_Contains over the unsubdivided zones. Both must give the same result.
 */
final class ExposureBenchmark implements Benchmark {
    private static final int RUNS = 5;

    static final String NAIVE = """
            WITH layers AS (
                SELECT l.id AS layer_id, l.current_version_id AS version_id FROM geo_layer l
                WHERE l.kind = 'HAZARD' AND l.hazard_type = 'FLOOD' AND l.current_version_id IS NOT NULL
            ),
            hits AS (
                SELECT DISTINCT ON (h.id) h.id AS household_id, z.id AS zone_id
                FROM household h JOIN hazard_zone z ON ST_Contains(z.geom, h.location)
                WHERE h.location IS NOT NULL AND z.version_id IN (SELECT version_id FROM layers)
                ORDER BY h.id, z.severity DESC, z.id
            )
            INSERT INTO household_hazard_exposure AS e (household_id, hazard_type, status, severity, severity_label,
                zone_id, layer_id, layer_version_id, distance_m, location, evaluated_at)
            SELECT h.id, 'FLOOD', CASE WHEN hits.zone_id IS NOT NULL THEN 'IN_ZONE' ELSE 'NOT_DESIGNATED' END,
                   z.severity, coalesce(z.severity_label, '指定なし'), z.id, v.layer_id, v.id, NULL, h.location, now()
            FROM household h
            LEFT JOIN hits ON hits.household_id = h.id
            LEFT JOIN hazard_zone z ON z.id = hits.zone_id
            LEFT JOIN geo_layer_version v ON v.id = z.version_id
            WHERE h.location IS NOT NULL
            ON CONFLICT (household_id, hazard_type) DO UPDATE SET
                status = EXCLUDED.status, severity = EXCLUDED.severity, severity_label = EXCLUDED.severity_label,
                zone_id = EXCLUDED.zone_id, layer_id = EXCLUDED.layer_id, layer_version_id = EXCLUDED.layer_version_id,
                distance_m = EXCLUDED.distance_m, location = EXCLUDED.location, evaluated_at = EXCLUDED.evaluated_at""";

    @Override
    public String name() {
        return "exposure";
    }

    @Override
    public List<BenchResult> run() throws Exception {
        HazardBench bench = HazardBench.get();
        bench.fullFlood();
        bench.placeHomes();
        HouseholdExposures exposures = bench.context.getBean(HouseholdExposures.class);
        List<Double> ours = new ArrayList<>();
        List<Double> naive = new ArrayList<>();
        String oursResult = null;
        String naiveResult = null;
        for (int run = 0; run <= RUNS; run++) {
            long started = System.nanoTime();
            int rows = exposures.recomputeAll();
            double millis = HazardBench.millisSince(started);
            oursResult = summary(bench);
            if (run > 0) {
                ours.add(millis);
            }
            if (rows < HazardBench.HOMES) {
                throw new IllegalStateException("only " + rows + " homes evaluated");
            }
        }
        try (Connection connection = bench.connect(); Statement statement = connection.createStatement()) {
            for (int run = 0; run <= 3; run++) {
                long started = System.nanoTime();
                statement.executeUpdate(NAIVE);
                double millis = HazardBench.millisSince(started);
                naiveResult = summary(bench);
                if (run > 0) {
                    naive.add(millis);
                }
            }
        }
        if (!oursResult.equals(naiveResult)) {
            throw new IllegalStateException("the two statements disagree: " + oursResult + " vs " + naiveResult);
        }
        double oursSeconds = HazardBench.median(ours) / 1000;
        return List.of(new BenchResult(name(), "20,000 homes × whole prefecture flood zones, set-based upsert, median of " + RUNS
                + " (" + oursResult + ")", oursSeconds, "s", "naive ST_Contains, unsubdivided", HazardBench.median(naive) / 1000,
                "< 1 s", oursSeconds < 1.0));
    }

    private static String summary(HazardBench bench) throws Exception {
        try (Connection connection = bench.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FILTER (WHERE status = 'IN_ZONE'), coalesce(sum(severity), 0) "
                     + "FROM household_hazard_exposure WHERE hazard_type = 'FLOOD'")) {
            row.next();
            return row.getLong(1) + " in zones, severity sum " + row.getLong(2);
        }
    }
}
