package jp.inochi.loans;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditLog;
import jp.inochi.households.HouseholdRepository;
import jp.inochi.lifecycle.Actor;
import jp.inochi.loans.model.PlanStep;
import jp.inochi.platform.problem.InochiException;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.platform.tables.DryRun;
import jp.inochi.platform.tables.PendingUploads;
import jp.inochi.platform.tables.RowOutcome;
import jp.inochi.platform.tables.RowReading;
import jp.inochi.platform.tables.TableColumn;
import jp.inochi.platform.tables.TableFiles;
import jp.inochi.platform.tables.TableHeader;
import jp.inochi.platform.tables.TableReader;
import jp.inochi.platform.tables.TableRow;

/**
 * A municipal officer's own spreadsheet of 個別避難計画 dates (世帯番号, 作成申請日, 受理日, 完成日) applied in bulk.
 * Every new date is recorded through {@link EvacuationPlanSteps}, so its rules and the timeline stay one: the dry run
 * records them in a transaction it rolls back, the confirmation in one it commits. A household outside the
 * officer's scope is refused, the same words whether it exists or not; refused rows are skipped, the rest applied.
 */
@Singleton
public class PlanStatusImport {
    static final String PURPOSE = "plan-status";
    static final TableColumn NUMBER = TableColumn.required("世帯番号", "世帯ID");
    static final TableColumn APPLIED = TableColumn.optional("作成申請日", "申請日");
    static final TableColumn ACCEPTED = TableColumn.optional("受理日");
    static final TableColumn COMPLETED = TableColumn.optional("完成日", "作成完了日");
    static final List<TableColumn> COLUMNS = List.of(NUMBER, APPLIED, ACCEPTED, COMPLETED);

    private final EvacuationPlanSteps steps;
    private final LoanRepository loans;
    private final HouseholdRepository households;
    private final PendingUploads pending;
    private final AuditLog auditLog;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    PlanStatusImport(EvacuationPlanSteps steps, LoanRepository loans, HouseholdRepository households,
                     PendingUploads pending, AuditLog auditLog, TransactionOperations<Connection> transactions, Clock clock) {
        this.steps = steps;
        this.loans = loans;
        this.households = households;
        this.pending = pending;
        this.auditLog = auditLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    public record Confirmation(boolean written, DryRun dryRun) {
    }

    public DryRun dryRun(Viewer viewer, Path file, String fileName) throws IOException {
        DryRun dryRun = transactions.executeWrite(status -> {
            status.setRollbackOnly();
            return apply(viewer, file, fileName);
        });
        return dryRun.withId(pending.keep(PURPOSE, viewer.userId(), fileName, file, dryRun.digest()));
    }

    /** Applies the rows the dry run accepted, if the outcome is still the one the officer saw; otherwise nothing. */
    public Confirmation confirm(Viewer viewer, UUID uploadId, String digestSeen) throws IOException {
        PendingUploads.Pending upload = pending.find(uploadId, PURPOSE, viewer.userId())
                .orElseThrow(() -> new NotFoundException("取込のファイル（1時間以上前のもの、または別の方のもの）"));
        try {
            Confirmation done = transactions.executeWrite(status -> {
                DryRun dryRun = apply(viewer, upload.file(), upload.fileName()).withId(uploadId);
                if (!dryRun.digest().equals(digestSeen)) {
                    status.setRollbackOnly();
                    return new Confirmation(false, dryRun);
                }
                auditLog.imported(viewer, "/evacuation-plans/import", "plan_status_import", uploadId,
                        (int) dryRun.updatedCount(), upload.fileName() + ": 更新 " + dryRun.updatedCount() + "件・取込不可 "
                                + dryRun.refusedCount() + "件");
                pending.forget(uploadId);
                return new Confirmation(true, dryRun);
            });
            if (!done.written()) {
                pending.replaceDigest(uploadId, done.dryRun().digest());
            }
            return done;
        } finally {
            Files.deleteIfExists(upload.file());
        }
    }

    private DryRun apply(Viewer viewer, Path file, String fileName) {
        try (TableReader reader = TableFiles.open(file)) {
            TableHeader header = TableHeader.find(reader, COLUMNS);
            List<RowOutcome> outcomes = new ArrayList<>();
            int count = 0;
            for (TableRow row = reader.next(); row != null; row = reader.next()) {
                if (++count > TableReader.MAX_ROWS) {
                    throw TableReader.tooManyRows();
                }
                outcomes.add(applyRow(viewer, new RowReading(row, header)));
            }
            return new DryRun(null, fileName, reader.format(), outcomes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RowOutcome applyRow(Viewer viewer, RowReading row) {
        Integer number = row.integer(NUMBER);
        LocalDate applied = row.date(APPLIED);
        LocalDate accepted = row.date(ACCEPTED);
        LocalDate completed = row.date(COMPLETED);
        String subject = number == null ? "" : "世帯番号 " + number;
        if (number != null && households.findAccessBasis(number, viewer.scope(clock)).isEmpty()) {
            row.reject(NUMBER, number + " は担当の市町村の世帯ではないか、ありません");
        }
        Loan loan = number == null || !row.problems().isEmpty() ? null
                : loans.findCurrentOfHousehold(number).orElse(null);
        if (loan == null && row.problems().isEmpty()) {
            row.reject(NUMBER, "この世帯には貸出中の非常用電源がありません（個別避難計画は貸出ごとに記録します）");
        }
        if (!row.problems().isEmpty()) {
            return RowOutcome.refused(row.rowNumber(), subject, row.problems());
        }
        int recorded = 0;
        TableColumn at = APPLIED;
        try {
            recorded += step(viewer, loan.id(), PlanStep.APPLIED_TO_MUNICIPALITY, loan.planAppliedOn(), applied);
            at = ACCEPTED;
            recorded += step(viewer, loan.id(), PlanStep.ACCEPTED_BY_MUNICIPALITY, loan.planAcceptedOn(), accepted);
            at = COMPLETED;
            recorded += step(viewer, loan.id(), PlanStep.PLAN_COMPLETED, loan.planCompletedOn(), completed);
        } catch (InochiException refused) {
            row.reject(at, refused.detail());
            return RowOutcome.refused(row.rowNumber(), subject, row.problems());
        }
        return new RowOutcome(row.rowNumber(), recorded == 0 ? RowOutcome.Outcome.UNCHANGED : RowOutcome.Outcome.UPDATED,
                subject, List.of());
    }

    /** Records the step when the sheet has a date the loan does not; a different recorded date is not overwritten. */
    private int step(Viewer viewer, long loanId, PlanStep step, LocalDate recorded, LocalDate typed) {
        if (typed == null || typed.equals(recorded)) {
            return 0;
        }
        if (recorded != null) {
            throw new InochiException(jp.inochi.platform.problem.ProblemType.CONFLICT, "既に "
                    + jp.inochi.platform.time.JapaneseDates.withGregorian(recorded) + " で記録されています（訂正はセンターへ）");
        }
        steps.recordPlanStep(Actor.of(viewer), loanId, new EvacuationPlanSteps.PlanStepRecord(step, typed, null, null));
        return 1;
    }
}
