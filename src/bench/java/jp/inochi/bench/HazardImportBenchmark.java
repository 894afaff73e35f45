package jp.inochi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import jp.inochi.access.Role;
import jp.inochi.hazards.HazardImports;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.layers.ImportProgress;
import jp.inochi.layers.ImportReport;
import jp.inochi.layers.ImportRequest;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.testsupport.GeoData;

/**
 * Issue 4: importing the 人吉/球磨 flood subset through our importer (read, CRS, profile, COPY, transform, validate and
 * repair, subdivide, replace the version, recompute exposure) against {@code ogr2ogr -f PostgreSQL} loading the same
 * file into the same database (goal: ours ÷ ogr2ogr ≤ 1.0). Both are medians of 7 after one warm-up each; ogr2ogr
 * is timed as the command people run, process start included. Issue 17: the whole prefecture through the HTTP API,
 * as GeoJSON and as a KSJ-style Shapefile, beside ogr2ogr (see {@link #wholePrefecture}).
 */
final class HazardImportBenchmark implements Benchmark {
    private static final int RUNS = 7;
    private static final int WHOLE_RUNS = 3;

    @Override
    public String name() {
        return "hazard-import";
    }

    @Override
    public List<BenchResult> run() throws Exception {
        HazardBench bench = HazardBench.get();
        InputFile subset = new InputFile(GeoData.file(GeoData.FLOOD_SUBSET), GeoData.FLOOD_SUBSET);
        List<String> ogr = List.of("ogr2ogr", "-f", "PostgreSQL", bench.pgConnection(), GeoData.file(GeoData.FLOOD_SUBSET).toString(),
                "-nln", "bench_ogr2ogr_subset", "-overwrite");
        List<Double> ours = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        for (int run = 0; run <= RUNS; run++) {
            long started = System.nanoTime();
            ImportReport report = bench.importer().importFiles(HazardImports.request("ベンチ 人吉・球磨 取込", HazardType.FLOOD,
                    "国土数値情報 A31b", "CC BY 4.0", null), List.of(subset), ImportProgress.NONE);
            double oursMillis = HazardBench.millisSince(started);
            if (report.imported() != 1100) {
                throw new IllegalStateException("the subset imported " + report.imported() + " zones");
            }
            started = System.nanoTime();
            bench.run(ogr);
            double ogrMillis = HazardBench.millisSince(started);
            if (run > 0) {
                ours.add(oursMillis);
                baseline.add(ogrMillis);
            }
        }
        double oursMedian = HazardBench.median(ours) / 1000;
        double ogrMedian = HazardBench.median(baseline) / 1000;
        List<BenchResult> results = new ArrayList<>();
        results.add(new BenchResult(name(), "flood subset (1,100 zones, 1.1 MB GeoJSON) into PostGIS, median of " + RUNS, oursMedian,
                "s", "ogr2ogr -f PostgreSQL", ogrMedian, "≤ 1.0 × ogr2ogr", oursMedian <= ogrMedian));
        if (BenchmarkRunner.quick()) {
            return results; // the whole prefecture takes minutes: left to the full run
        }
        results.addAll(wholePrefecture(bench));
        return results;
    }

    /**
     * The whole prefecture through the HTTP API, upload to job done, as GeoJSON and as the KSJ-style Shapefile
     * (EPSG:6670, CP932 DBF), each beside ogr2ogr loading the same file (the Shapefile reprojected to the stored
     * SRID, as we do); 20,000 homes are placed first so every replace recomputes real exposure. The first run of
     * each creates its layer (cold: the Shapefile's .prj is identified for the first time) and is reported apart;
     * the median of the next {@value #WHOLE_RUNS} replaces the version.
     */
    private List<BenchResult> wholePrefecture(HazardBench bench) throws Exception {
        bench.placeHomes();
        String token = bench.bearer(Role.CENTER_ADMIN, null);
        Path geojson = GeoData.file(GeoData.FLOOD_FULL);
        List<Path> shapefile = ApiImport.shapefile(bench, geojson);
        List<String> ogrGeojson = List.of("ogr2ogr", "-f", "PostgreSQL", bench.pgConnection(), geojson.toString(),
                "-nln", "bench_ogr2ogr_full", "-overwrite");
        List<String> ogrShapefile = List.of("ogr2ogr", "-f", "PostgreSQL", bench.pgConnection(), shapefile.get(0).toString(),
                "-t_srs", "EPSG:6668", "-nlt", "PROMOTE_TO_MULTI", "-nln", "bench_ogr2ogr_full_shp", "-overwrite");
        List<Double> oursJson = new ArrayList<>();
        List<Double> ogrJson = new ArrayList<>();
        List<Double> oursShp = new ArrayList<>();
        List<Double> ogrShp = new ArrayList<>();
        List<Double> firstShp = new ArrayList<>();
        ApiImport.Timing coldJson = null;
        ApiImport.Timing coldShp = null;
        for (int run = 0; run <= WHOLE_RUNS; run++) {
            ApiImport.Timing json = ApiImport.run(bench, token, "ベンチ API 全県 GeoJSON", List.of(geojson));
            double ogrJsonSeconds = timed(bench, ogrGeojson);
            ApiImport.Timing shp = ApiImport.run(bench, token, "ベンチ API 全県 Shapefile", shapefile);
            double ogrShpSeconds = timed(bench, ogrShapefile);
            System.err.printf("bench:   whole prefecture run %d: GeoJSON %.2f s (first feature %.2f s) / ogr2ogr %.2f s; "
                            + "Shapefile %.2f s (first feature %.2f s) / ogr2ogr %.2f s%n", run, json.seconds(),
                    json.firstFeatureSeconds(), ogrJsonSeconds, shp.seconds(), shp.firstFeatureSeconds(), ogrShpSeconds);
            if (run == 0) {
                coldJson = json;
                coldShp = shp;
                continue;
            }
            oursJson.add(json.seconds());
            ogrJson.add(ogrJsonSeconds);
            oursShp.add(shp.seconds());
            ogrShp.add(ogrShpSeconds);
            firstShp.add(shp.firstFeatureSeconds());
        }
        JsonNode report = coldJson.report();
        String zones = report.path("imported").asText() + " zones, " + report.path("partCount").asText() + " parts";
        double json = HazardBench.median(oursJson);
        double ogrJ = HazardBench.median(ogrJson);
        double shp = HazardBench.median(oursShp);
        double ogrS = HazardBench.median(ogrShp);
        return List.of(
                new BenchResult(name(), "whole prefecture GeoJSON (" + zones + ", 30 MB) through the API, upload to job done, "
                        + "replacing the version, median of " + WHOLE_RUNS, json, "s", "ogr2ogr -f PostgreSQL", ogrJ,
                        "≤ 1.0 × ogr2ogr", json <= ogrJ),
                new BenchResult(name(), "whole prefecture Shapefile (EPSG:6670, CP932 DBF) through the API, upload to job done, "
                        + "replacing the version, median of " + WHOLE_RUNS, shp, "s", "ogr2ogr -t_srs EPSG:6668", ogrS,
                        "≤ 1.0 × ogr2ogr", shp <= ogrS),
                BenchResult.withoutBaseline(name(), "reference: first run of each (creates the layer; GeoJSON / Shapefile), "
                        + "s to job done", coldShp.seconds(), "s", String.format("GeoJSON %.2f s", coldJson.seconds()), true),
                BenchResult.withoutBaseline(name(), "reference: Shapefile, upload start to first feature counted, cold / "
                        + "median warm (s)", coldShp.firstFeatureSeconds(), "s",
                        String.format("warm %.2f s", HazardBench.median(firstShp)), true));
    }

    private static double timed(HazardBench bench, List<String> command) throws Exception {
        long started = System.nanoTime();
        bench.run(command);
        return HazardBench.millisSince(started) / 1000;
    }
}
