package jp.inochi.reminders.model;

import java.util.Arrays;
import java.util.Optional;
import jp.inochi.loans.model.Obligation;

/** The names staff read and write in {@code schedules/reminders.yml} for each obligation of a loan. */
public enum PolicyNames {
    EVACUATION_PLAN("evacuation-plan", Obligation.EVACUATION_PLAN_APPLICATION),
    YEARLY_CHECK("yearly-check", Obligation.YEARLY_CHECK),
    LOAN_END("loan-end", Obligation.LOAN_TERM_END),
    OPEN_RETURN("open-return", Obligation.DEVICE_RETURN),
    EVACUATION_PLAN_REVIEW("evacuation-plan-review", Obligation.EVACUATION_PLAN_REVIEW);

    private final String fileName;
    private final Obligation obligation;

    PolicyNames(String fileName, Obligation obligation) {
        this.fileName = fileName;
        this.obligation = obligation;
    }

    public String fileName() {
        return fileName;
    }

    public Obligation obligation() {
        return obligation;
    }

    /** Due from a day already passed (the return opened), so only {@code days-after} makes sense. */
    public boolean countsOnlyAfter() {
        return obligation == Obligation.DEVICE_RETURN;
    }

    public static Optional<PolicyNames> byFileName(String name) {
        return Arrays.stream(values()).filter(n -> n.fileName.equals(name)).findFirst();
    }

    public static String of(Obligation obligation) {
        return Arrays.stream(values()).filter(n -> n.obligation == obligation).findFirst().orElseThrow().fileName;
    }
}
