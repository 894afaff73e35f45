package jp.inochi.access;

/** What a user may do. Only municipal officers are bound to a municipality. */
public enum Role {
    /** センター管理者: everything staff do, plus users and disaster declarations. */
    CENTER_ADMIN("センター管理者"),
    /** センター職員: applications, loans, devices, inspections, reminders. */
    CENTER_STAFF("センター職員"),
    /** 市町村防災担当: the households of one municipality (or one ward of 熊本市). */
    MUNICIPAL_OFFICER("市町村防災担当"),
    /** 監査担当: reads the audit log; no household data. */
    AUDITOR("監査担当");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isCenter() {
        return this == CENTER_ADMIN || this == CENTER_STAFF;
    }
}
