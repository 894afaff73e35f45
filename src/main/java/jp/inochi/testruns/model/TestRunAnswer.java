package jp.inochi.testruns.model;

import jp.inochi.lifecycle.Labelled;

/** The family's answer to the monthly test-run email, one link each. */
public enum TestRunAnswer implements Labelled {
    OK("正常に動いた"),
    PROBLEM("問題があった");

    private final String label;

    TestRunAnswer(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
