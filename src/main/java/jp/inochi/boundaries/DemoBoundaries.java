package jp.inochi.boundaries;

import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import jp.inochi.demo.DemoDataSet;
import jp.inochi.layers.ImportProgress;
import jp.inochi.layers.ImportReport;
import jp.inochi.layers.ImportRequest;
import jp.inochi.layers.LayerImporter;
import jp.inochi.layers.LayerKind;
import jp.inochi.layers.reading.InputFile;

/**
 * The prefecture's municipal and ward boundaries, simplified (gis/demo/boundaries.geojson, derived by
 * gis/derive_demo_boundaries.py), through the real importer. Loaded after the demo households (20): the layer's
 * replacement places every home, so each household page names the municipality from its pin.
 */
@Singleton
final class DemoBoundaries implements DemoDataSet {
    static final String LAYER = "デモ 熊本県 行政区域（1% 簡略化）";
    static final String CREDIT = "「国土数値情報（行政区域データ）」（国土交通省）を加工して作成";

    private final LayerImporter importer;

    DemoBoundaries(LayerImporter importer) {
        this.importer = importer;
    }

    @Override
    public String name() {
        return "boundaries";
    }

    @Override
    public int order() {
        return 25;
    }

    @Override
    public String load(Path demoDirectory) throws Exception {
        ImportReport report = importer.importFiles(ImportRequest.of(LayerKind.BOUNDARY, LAYER,
                                "国土数値情報 N03（2021, gis/demo/boundaries.geojson）", "国土数値情報の利用規約に従う", CREDIT)
                        .withProfile(null, "N03_007", null),
                List.of(new InputFile(demoDirectory.resolve("boundaries.geojson"), "boundaries.geojson")), ImportProgress.NONE);
        return report.imported() + " areas (version " + report.versionNo() + ")";
    }
}
