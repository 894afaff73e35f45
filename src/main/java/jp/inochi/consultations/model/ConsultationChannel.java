package jp.inochi.consultations.model;

/** How the consultation reached the center. */
public enum ConsultationChannel {
    PHONE("電話"),
    VISIT_CENTER("来所"),
    EMAIL("メール"),
    HOME_VISIT("訪問"),
    ONLINE("オンライン"),
    OTHER("その他");

    private final String label;

    ConsultationChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
