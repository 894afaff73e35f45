package jp.inochi.reminders.model;

import jp.inochi.lifecycle.Labelled;

/** Why a reminder was not (or not by email) sent; shown to staff beside the reminder. */
public enum NotSentBecause implements Labelled {
    LOAN_NOT_ACTIVE("貸与中でなくなったため送信しません", ReminderState.CANCELLED),
    OBLIGATION_DONE("手続きが記録済み（または期限が変わった）ため送信しません", ReminderState.CANCELLED),
    FAMILY_REPORTED("ご家族から報告があり、センターの確認待ちのため送信しません", ReminderState.CANCELLED),
    NO_CONSENT("メール連絡の同意がありません。センターから電話等でご連絡ください", ReminderState.NOT_EMAILED),
    NO_ADDRESS("保護者のメールアドレスが登録されていません。センターから電話等でご連絡ください", ReminderState.NOT_EMAILED),
    DELIVERY_FAILED("メールを届けられませんでした", ReminderState.FAILED),
    CANCELLED_BY_STAFF("センター職員が送信を取り消しました", ReminderState.CANCELLED);

    private final String label;
    private final ReminderState state;

    NotSentBecause(String label, ReminderState state) {
        this.label = label;
        this.state = state;
    }

    @Override
    public String label() {
        return label;
    }

    /** The state a reminder ends in for this reason. */
    public ReminderState state() {
        return state;
    }
}
