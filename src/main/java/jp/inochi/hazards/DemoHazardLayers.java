package jp.inochi.hazards;

import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import jp.inochi.demo.DemoDataSet;
import jp.inochi.layers.ImportProgress;
import jp.inochi.layers.ImportReport;
import jp.inochi.layers.LayerImporter;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.layers.reading.InputFile;

/**
 * The demo's synthetic hazard zones (gis/demo/hazards), imported through the real importer so that the run command
 * shows zones and exposure at once: a flood layer along the 球磨川 in A31b style, and a landslide zone in 玉名
 * with a red zone inside a yellow one.
 */
final class DemoHazardLayers {
    static final String CREDIT = "架空のデモデータ（gis/demo/generate_demo_data.py で作成）";

    private DemoHazardLayers() {
    }

    static String load(LayerImporter importer, Path demoDirectory, String file, String layer, HazardType type)
            throws Exception {
        Path path = demoDirectory.resolve("hazards").resolve(file);
        ImportReport report = importer.importFiles(
                HazardImports.request(layer, type, "Inochi デモデータ（gis/demo/hazards/" + file + "）", "デモ用（自由に利用可）", CREDIT),
                List.of(new InputFile(path, file)), ImportProgress.NONE);
        return report.imported() + " zones (" + layer + ", version " + report.versionNo() + ")";
    }

    @Singleton
    static final class Flood implements DemoDataSet {
        private final LayerImporter importer;

        Flood(LayerImporter importer) {
            this.importer = importer;
        }

        @Override
        public String name() {
            return "hazards-flood";
        }

        @Override
        public int order() {
            return 30;
        }

        @Override
        public String load(Path demoDirectory) throws Exception {
            return DemoHazardLayers.load(importer, demoDirectory, "demo_flood_A31b.geojson", "デモ 球磨川 洪水浸水想定区域（想定最大規模）",
                    HazardType.FLOOD);
        }
    }

    @Singleton
    static final class Landslide implements DemoDataSet {
        private final LayerImporter importer;

        Landslide(LayerImporter importer) {
            this.importer = importer;
        }

        @Override
        public String name() {
            return "hazards-landslide";
        }

        @Override
        public int order() {
            return 31;
        }

        @Override
        public String load(Path demoDirectory) throws Exception {
            return DemoHazardLayers.load(importer, demoDirectory, "demo_landslide_A33.geojson", "デモ 玉名 土砂災害警戒区域",
                    HazardType.LANDSLIDE);
        }
    }
}
