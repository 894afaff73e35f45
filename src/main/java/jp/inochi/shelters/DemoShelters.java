package jp.inochi.shelters;

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

/** The demo's synthetic shelters and 福祉避難所 candidates (gis/demo/shelters.geojson), through the real importer. */
@Singleton
final class DemoShelters implements DemoDataSet {
    private final LayerImporter importer;

    DemoShelters(LayerImporter importer) {
        this.importer = importer;
    }

    @Override
    public String name() {
        return "shelters";
    }

    @Override
    public int order() {
        return 33;
    }

    @Override
    public String load(Path demoDirectory) throws Exception {
        ImportReport report = importer.importFiles(ImportRequest.of(LayerKind.SHELTER, "デモ 避難所・福祉避難所候補",
                        "Inochi デモデータ（gis/demo/shelters.geojson）", "デモ用（自由に利用可）",
                        "架空のデモデータ（gis/demo/generate_demo_data.py で作成）"),
                List.of(new InputFile(demoDirectory.resolve("shelters.geojson"), "shelters.geojson")), ImportProgress.NONE);
        return report.imported() + " shelters";
    }
}
