package jp.inochi.disasters;

/** The hazard a disaster declaration is made for (the list the migration's CHECK allows). */
public enum DeclaredHazard {
    TYPHOON("台風"),
    HEAVY_RAIN("大雨"),
    FLOOD("洪水"),
    LANDSLIDE("土砂災害"),
    TSUNAMI("津波"),
    STORM_SURGE("高潮"),
    EARTHQUAKE("地震"),
    VOLCANO("火山"),
    OTHER("その他");

    private final String label;

    DeclaredHazard(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
