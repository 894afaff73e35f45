package jp.inochi.loans;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.loans.model.PlanStep;
import jp.inochi.platform.tables.RowReading;
import jp.inochi.platform.tables.TableColumn;
import jp.inochi.platform.tables.TableHeader;
import jp.inochi.platform.tables.TableRow;
import jp.inochi.platform.time.JapaneseDates;

/**
 * One row of a municipal officer's own 個別避難計画 sheet: the household number and the dates it states. A blank date
 * leaves the plan as it is; a date the plan does not have yet becomes its step; a recorded date is never overwritten.
 */
record PlanStatusSheetRow(Long householdId, LocalDate appliedOn, LocalDate acceptedOn, LocalDate completedOn,
                          RowReading reading) {
    static final TableColumn NUMBER = TableColumn.required("世帯番号", "世帯ID");
    // the 個別避難計画 export (EvacuationPlanXlsx) names its columns so too: it can come back as it is
    static final TableColumn APPLIED = TableColumn.optional("申請日", "作成申請日", "申請日（和暦）");
    static final TableColumn ACCEPTED = TableColumn.optional("受理日", "受理日（和暦）");
    static final TableColumn COMPLETED = TableColumn.optional("作成完了日", "完成日", "作成日", "作成日（和暦）");
    static final List<TableColumn> COLUMNS = List.of(NUMBER, APPLIED, ACCEPTED, COMPLETED);

    /** A step this row records, with the column its date came from. */
    record StepToRecord(PlanStep step, LocalDate on, TableColumn column) {
    }

    static PlanStatusSheetRow read(TableRow row, TableHeader header) {
        RowReading r = new RowReading(row, header);
        Integer number = r.integer(NUMBER);
        if (number != null && number <= 0) {
            r.reject(NUMBER, "世帯番号は正の整数です（「" + number + "」）");
            number = null;
        }
        return new PlanStatusSheetRow(number == null ? null : number.longValue(), r.date(APPLIED), r.date(ACCEPTED),
                r.date(COMPLETED), r);
    }

    int rowNumber() {
        return reading.rowNumber();
    }

    /**
     * The steps to record over the plan's recorded dates, in order. A typed date that differs from a recorded one is
     * a problem of its column (corrections go through the center, where the timeline keeps the first date).
     */
    List<StepToRecord> stepsOver(EvacuationPlanStatusRow plan) {
        List<StepToRecord> steps = new ArrayList<>();
        add(steps, PlanStep.APPLIED_TO_MUNICIPALITY, APPLIED, plan.appliedOn(), appliedOn);
        add(steps, PlanStep.ACCEPTED_BY_MUNICIPALITY, ACCEPTED, plan.acceptedOn(), acceptedOn);
        add(steps, PlanStep.PLAN_COMPLETED, COMPLETED, plan.completedOn(), completedOn);
        return steps;
    }

    private void add(List<StepToRecord> steps, PlanStep step, TableColumn column, LocalDate recorded, LocalDate typed) {
        if (typed == null || typed.equals(recorded)) {
            return;
        }
        if (recorded != null) {
            reading.reject(column, JapaneseDates.withGregorian(recorded) + "と記録済みです（記録済みの日付の訂正はセンターへ連絡してください）");
            return;
        }
        steps.add(new StepToRecord(step, typed, column));
    }
}
