package jp.inochi.applications.model;

import jp.inochi.lifecycle.Labelled;

/** 事業利用申請の状態. */
public enum ProgramApplicationState implements Labelled {
    RECEIVED("受付済"),
    UNDER_REVIEW("審査中"),
    INFORMATION_REQUESTED("追加情報の依頼中"),
    APPROVED("承認"),
    REJECTED("却下"),
    WITHDRAWN("取下げ");

    private final String label;

    ProgramApplicationState(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean isOpen() {
        return this == RECEIVED || this == UNDER_REVIEW || this == INFORMATION_REQUESTED;
    }
}
