package jp.inochi.loans;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.AccessScope;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.households.HouseholdRepository;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.platform.tables.DryRun;
import jp.inochi.platform.tables.PendingUploads;
import jp.inochi.platform.tables.RowOutcome;
import jp.inochi.platform.tables.TableFiles;
import jp.inochi.platform.tables.TableHeader;
import jp.inochi.platform.tables.TableReader;
import jp.inochi.platform.tables.TableRow;

/**
 * A municipal officer's own 個別避難計画 sheet (世帯番号, 申請日, 受理日, 作成完了日) applied in bulk, within their scope.
 * Each row's new dates are recorded through {@link EvacuationPlanSteps} (its rules, its timeline), the row in a
 * savepoint ({@link PlanStatusRowSteps}): a refused row is rolled back alone and the others stand. The dry run does
 * all of it in a transaction it rolls back; the confirmation does it again in one it commits, only when the outcome is
 * still the one the officer saw. A number outside the scope is refused in the same words whether it exists or not,
 * and audited as a refusal.
 */
@Singleton
public class PlanStatusImport {
    static final String PURPOSE = "plan-status";
    static final String RESOURCE = "/evacuation-plans/import";
    static final String OUT_OF_SCOPE = "更新できる世帯の一覧にありません（他の市町村の世帯か、番号の誤りです）";

    private final PlanStatusRowSteps rowSteps;
    private final LoanRepository loans;
    private final HouseholdRepository households;
    private final PendingUploads pending;
    private final AuditLog auditLog;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    PlanStatusImport(PlanStatusRowSteps rowSteps, LoanRepository loans, HouseholdRepository households,
                     PendingUploads pending, AuditLog auditLog, TransactionOperations<Connection> transactions,
                     Clock clock) {
        this.rowSteps = rowSteps;
        this.loans = loans;
        this.households = households;
        this.pending = pending;
        this.auditLog = auditLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Whether the rows were applied, and the outcome applied (or the new one, when it had changed). */
    public record Confirmation(boolean written, DryRun dryRun) {
    }

    /** The outcome, the households it names (audited as read) and the rows refused for the scope (audited). */
    private record Plan(DryRun dryRun, List<HouseholdAccess> shown, List<String> outOfScope) {
    }

    private record Applied(Plan plan, boolean written) {
    }

    /** The same, for an upload as it arrives: kept in a temporary file for the dry run only. */
    public DryRun dryRun(Viewer viewer, InputStream content, String fileName) throws IOException {
        Path file = Files.createTempFile("inochi-plan-status-", ".upload");
        try {
            try (InputStream in = content) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return dryRun(viewer, file, fileName);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Applies the file in a transaction it rolls back, and keeps it for confirmation: nothing is written. */
    public DryRun dryRun(Viewer viewer, Path file, String fileName) throws IOException {
        Plan plan = transactions.executeWrite(status -> {
            Plan applied = apply(viewer, file, fileName);
            status.setRollbackOnly();
            return applied;
        });
        audit(viewer, plan);
        return plan.dryRun().withId(pending.keep(PURPOSE, viewer.userId(), fileName, file, plan.dryRun().digest()));
    }

    /** Applies every row the dry run accepted and skips the refused ones, if the outcome is still the one seen. */
    public Confirmation confirm(Viewer viewer, UUID uploadId, String digestSeen) throws IOException {
        PendingUploads.Pending upload = pending.find(uploadId, PURPOSE, viewer.userId())
                .orElseThrow(() -> new NotFoundException("取込のファイル（1時間以上前のもの、または別の方のもの）"));
        try {
            Applied done = transactions.executeWrite(status -> {
                Plan plan = apply(viewer, upload.file(), upload.fileName());
                DryRun dryRun = plan.dryRun();
                if (!dryRun.digest().equals(digestSeen)) {
                    status.setRollbackOnly();
                    return new Applied(plan, false);
                }
                auditLog.imported(viewer, RESOURCE, "plan_status_import", uploadId, (int) dryRun.updatedCount(),
                        upload.fileName() + ": 更新 " + dryRun.updatedCount() + "件・変更なし " + dryRun.unchangedCount()
                                + "件・取込できない " + dryRun.refusedCount() + "件");
                pending.forget(uploadId);
                return new Applied(plan, true);
            });
            audit(viewer, done.plan());
            DryRun dryRun = done.plan().dryRun().withId(uploadId);
            if (!done.written()) {
                pending.replaceDigest(uploadId, dryRun.digest());
            }
            return new Confirmation(done.written(), dryRun);
        } finally {
            Files.deleteIfExists(upload.file());
        }
    }

    private Plan apply(Viewer viewer, Path file, String fileName) {
        AccessScope scope = viewer.scope(clock);
        Map<Long, EvacuationPlanStatusRow> plans = loans.findVisiblePlanStatus(scope.roleName(), scope.municipalityCode(),
                scope.wardCode(), scope.at(), null).stream()
                .collect(Collectors.toMap(EvacuationPlanStatusRow::householdId, Function.identity(), (a, b) -> a));
        try (TableReader reader = TableFiles.open(file)) {
            TableHeader header = TableHeader.find(reader, PlanStatusSheetRow.COLUMNS);
            List<RowOutcome> outcomes = new ArrayList<>();
            Map<Long, HouseholdAccess> shown = new LinkedHashMap<>();
            List<String> outOfScope = new ArrayList<>();
            Map<Long, Integer> seen = new HashMap<>();
            int count = 0;
            for (TableRow row = reader.next(); row != null; row = reader.next()) {
                if (++count > TableReader.MAX_ROWS) {
                    throw TableReader.tooManyRows();
                }
                PlanStatusSheetRow read = PlanStatusSheetRow.read(row, header);
                EvacuationPlanStatusRow plan = read.householdId() == null ? null : plans.get(read.householdId());
                if (plan != null) {
                    shown.putIfAbsent(plan.householdId(), new HouseholdAccess(plan.householdId(), AccessBasis.valueOf(plan.basis())));
                } else if (read.householdId() != null && !scopeRefusal(read, scope, outOfScope)) {
                    read.reading().reject(PlanStatusSheetRow.NUMBER, "貸与中の非常用電源がないため、個別避難計画の記録はありません");
                }
                Integer earlier = read.householdId() == null ? null : seen.putIfAbsent(read.householdId(), row.number());
                if (earlier != null) {
                    read.reading().reject(PlanStatusSheetRow.NUMBER, earlier + "行目と同じ世帯です（1つの世帯は1行にしてください）");
                }
                outcomes.add(outcome(viewer, read, plan));
            }
            return new Plan(new DryRun(null, fileName, reader.format(), outcomes), List.copyOf(shown.values()), outOfScope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Not in the viewer's plan list and not a household they may see: refused in words that don't say which. */
    private boolean scopeRefusal(PlanStatusSheetRow read, AccessScope scope, List<String> outOfScope) {
        if (households.findAccessBasis(read.householdId(), scope).isPresent()) {
            return false;
        }
        read.reading().reject(PlanStatusSheetRow.NUMBER, OUT_OF_SCOPE);
        outOfScope.add(read.rowNumber() + "行目 世帯番号 " + read.householdId());
        return true;
    }

    private RowOutcome outcome(Viewer viewer, PlanStatusSheetRow read, EvacuationPlanStatusRow plan) {
        String subject = read.householdId() == null ? "" : "世帯番号 " + read.householdId()
                + (plan == null ? "" : " " + plan.childFamilyName() + " " + plan.childGivenName());
        if (read.reading().problems().isEmpty()) {
            List<PlanStatusSheetRow.StepToRecord> steps = read.stepsOver(plan);
            if (read.reading().problems().isEmpty()) {
                int recorded = rowSteps.record(viewer, plan.loanId(), steps, read.reading());
                if (read.reading().problems().isEmpty()) {
                    return new RowOutcome(read.rowNumber(), recorded == 0 ? RowOutcome.Outcome.UNCHANGED
                            : RowOutcome.Outcome.UPDATED, subject, List.of());
                }
            }
        }
        return RowOutcome.refused(read.rowNumber(), subject, read.reading().problems());
    }

    /** After the transaction (a dry run's is rolled back): the households shown, and each scope refusal. */
    private void audit(Viewer viewer, Plan plan) {
        auditLog.householdsRead(viewer, RESOURCE, plan.shown());
        for (String refused : plan.outOfScope()) {
            auditLog.refused(viewer, "POST " + RESOURCE, refused + ": " + OUT_OF_SCOPE);
        }
    }
}
