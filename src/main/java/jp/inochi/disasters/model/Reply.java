package jp.inochi.disasters.model;

import jp.inochi.lifecycle.Labelled;

/**
 * What a family answers to the safety check (安否確認), by a link in the email or on the phone. 避難済み asks where
 * they went, 支援が必要 what they need, in free text.
 */
public enum Reply implements Labelled {
    SAFE_AT_HOME("無事・在宅継続", null),
    EVACUATED("避難済み", "避難先"),
    NEEDS_POWER("電源が必要", null),
    NEEDS_HELP("支援が必要", "必要な支援の内容");

    private final String label;
    private final String asksFor;

    Reply(String label, String asksFor) {
        this.label = label;
        this.asksFor = asksFor;
    }

    @Override
    public String label() {
        return label;
    }

    /** What the free text is about, or null when the reply asks for none. */
    public String asksFor() {
        return asksFor;
    }

    /** Whether the center must act on it (bring power, send help). */
    public boolean needsAction() {
        return this == NEEDS_POWER || this == NEEDS_HELP;
    }
}
