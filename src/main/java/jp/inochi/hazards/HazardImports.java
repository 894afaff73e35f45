package jp.inochi.hazards;

import jp.inochi.hazards.model.HazardType;
import jp.inochi.layers.ImportRequest;
import jp.inochi.layers.LayerKind;

/** Import requests for hazard layers, typed by their hazard type (the importer stores its code). */
public final class HazardImports {

    private HazardImports() {
    }

    public static ImportRequest request(String layerName, HazardType type, String source, String licence, String credit) {
        return ImportRequest.of(LayerKind.HAZARD, layerName, source, licence, credit).withHazardType(type.name());
    }
}
