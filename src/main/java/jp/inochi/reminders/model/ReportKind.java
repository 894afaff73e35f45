package jp.inochi.reminders.model;

import java.util.Optional;
import jp.inochi.lifecycle.Labelled;
import jp.inochi.loans.model.Obligation;

/** What a family can report from a reminder: the plan application (seed 000, line 540), a wish for the yearly check (line 541). */
public enum ReportKind implements Labelled {
    PLAN_APPLIED("市町村に個別避難計画の作成を申請しました", Obligation.EVACUATION_PLAN_APPLICATION),
    CHECK_SCHEDULE_REQUESTED("点検の日程を希望します", Obligation.YEARLY_CHECK);

    private final String label;
    private final Obligation obligation;

    ReportKind(String label, Obligation obligation) {
        this.label = label;
        this.obligation = obligation;
    }

    @Override
    public String label() {
        return label;
    }

    public Obligation obligation() {
        return obligation;
    }

    public static Optional<ReportKind> about(Obligation obligation) {
        for (ReportKind kind : values()) {
            if (kind.obligation == obligation) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
