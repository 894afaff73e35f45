package jp.inochi.loans;

import jp.inochi.lifecycle.Labelled;

/** Where a request to accept the terms stands. */
public enum TermsAcceptanceState implements Labelled {
    SENT("送付済（同意待ち）"),
    ACCEPTED("同意済"),
    SUPERSEDED("再送により無効");

    private final String label;

    TermsAcceptanceState(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
