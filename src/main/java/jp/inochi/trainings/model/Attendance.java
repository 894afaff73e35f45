package jp.inochi.trainings.model;

/** Whether an invited family came to the session, recorded after it. */
public enum Attendance {
    ATTENDED("出席"),
    ABSENT("欠席");

    private final String label;

    Attendance(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
