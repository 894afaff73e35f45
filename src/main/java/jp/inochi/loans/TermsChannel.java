package jp.inochi.loans;

import jp.inochi.lifecycle.Labelled;

/** How the terms reached the family. */
public enum TermsChannel implements Labelled {
    IN_PERSON("対面（引渡し時）"),
    POST("郵送"),
    EMAIL("メール");

    private final String label;

    TermsChannel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
