package jp.inochi.disasters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import jp.inochi.hazards.HazardImports;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.layers.ImportProgress;
import jp.inochi.layers.ImportReport;
import jp.inochi.layers.ImportRequest;
import jp.inochi.layers.LayerImporter;
import jp.inochi.layers.LayerKind;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.testsupport.GeoData;

/** The real data of the drills, through the real importer: the 人吉/球磨 flood subset and the GSI designated shelters. */
final class DrillLayers {
    private DrillLayers() {
    }

    /** Imports both; returns the flood layer's report (its layer and version). */
    static ImportReport importFloodAndShelters(LayerImporter importer, String run) throws IOException {
        String layerName = "訓練 人吉・球磨 洪水浸水想定区域 " + run;
        ImportReport flood = importer.importFiles(HazardImports.request(layerName, HazardType.FLOOD,
                        "国土数値情報 A31b（令和5年度）", "CC BY 4.0", "「国土数値情報（洪水浸水想定区域データ）」（国土交通省）を加工して作成"),
                List.of(new InputFile(GeoData.file(GeoData.FLOOD_SUBSET), GeoData.FLOOD_SUBSET)), ImportProgress.NONE);
        assertEquals(1100, flood.imported());
        importer.importFiles(ImportRequest.of(LayerKind.SHELTER, "訓練 指定避難所 " + run,
                        "国土地理院「指定緊急避難場所・指定避難所データ」", null, "出典：国土地理院「指定緊急避難場所・指定避難所データ」"),
                List.of(new InputFile(GeoData.file(GeoData.SHELTERS_EVACUATION), GeoData.SHELTERS_EVACUATION)),
                ImportProgress.NONE);
        return flood;
    }
}
