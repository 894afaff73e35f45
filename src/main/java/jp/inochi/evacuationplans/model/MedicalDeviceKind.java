package jp.inochi.evacuationplans.model;

/** The medical devices that need power. */
public enum MedicalDeviceKind {
    VENTILATOR("人工呼吸器"),
    SUCTION("吸引器"),
    OXYGEN_CONCENTRATOR("酸素濃縮器"),
    PULSE_OXIMETER("パルスオキシメーター"),
    FEEDING_PUMP("経管栄養ポンプ"),
    OTHER("その他");

    private final String label;

    MedicalDeviceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
