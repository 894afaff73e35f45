package jp.inochi.audit;

/** What was done. READ and EXPORT are recorded for every household whose personal data was shown. */
public enum AuditAction {
    READ("閲覧"),
    EXPORT("出力"),
    CREATE("作成"),
    UPDATE("更新"),
    DELETE("削除"),
    TRANSITION("状態変更"),
    LOGIN("ログイン"),
    LOGIN_FAILED("ログイン失敗"),
    LOGOUT("ログアウト"),
    DECLARE("災害宣言"),
    EXTEND("災害宣言の延長"),
    END("災害宣言の終了"),
    IMPORT("一括取込"),
    /** A request refused (403, or 404 of a record out of the viewer's scope); row_count counts them per minute. */
    REFUSED("拒否");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    /** The Japanese name shown in the audit log export. */
    public String label() {
        return label;
    }
}
