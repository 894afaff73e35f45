package jp.inochi.reminders.links;

import jp.inochi.lifecycle.Labelled;

/** Why a link is refused, each with the page the family sees and its HTTP status. */
public enum LinkRefusal implements Labelled {
    FORGED("このリンクは正しくありません", 400),
    EXPIRED("このリンクの有効期限が過ぎています", 410),
    USED("このリンクはすでに使われています", 409),
    NOT_FOUND("このリンクの内容は見つかりません", 404);

    private final String label;
    private final int status;

    LinkRefusal(String label, int status) {
        this.label = label;
        this.status = status;
    }

    @Override
    public String label() {
        return label;
    }

    public int status() {
        return status;
    }
}
