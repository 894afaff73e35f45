package jp.inochi.layers;

/** What a layer holds: hazard zones, administrative boundaries (KSJ N03), or shelters. */
public enum LayerKind {
    HAZARD("ハザード区域"),
    BOUNDARY("行政区域"),
    SHELTER("避難所");

    private final String label;

    LayerKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
