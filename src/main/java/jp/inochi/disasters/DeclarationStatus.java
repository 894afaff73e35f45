package jp.inochi.disasters;

/** Where a declaration stands at an instant, by the service's Clock. */
public enum DeclarationStatus {
    /** Declared to start later. */
    SCHEDULED("開始前"),
    /** Officers of its municipalities also see households that did not consent. */
    ACTIVE("発令中"),
    /** Reached its end time, or ended early. */
    ENDED("終了");

    private final String label;

    DeclarationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
