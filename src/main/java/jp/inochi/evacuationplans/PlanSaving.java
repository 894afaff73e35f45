package jp.inochi.evacuationplans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditAction;
import jp.inochi.audit.AuditLog;
import jp.inochi.evacuationplans.model.EvacuationPlan;
import jp.inochi.evacuationplans.model.PlanFinding;
import jp.inochi.evacuationplans.model.PlanLimits;
import jp.inochi.evacuationplans.model.PlanRules;
import jp.inochi.evacuationplans.model.PlanState;
import jp.inochi.exposure.ExposureReadings;
import jp.inochi.households.HouseholdDirectory.VisibleHousehold;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InochiException;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.platform.problem.ProblemType;

/**
 * Saves a plan as a new version: the officer of the household's municipality or center staff, on the version they
 * read (If-Match; a stale one is refused with 409), checked by {@link PlanRules} (errors refuse it, warnings and flags
 * come back with it). Completing it completes the loan's plan status. Audited as a change to the household.
 */
@Singleton
public class PlanSaving {
    private final EvacuationPlans plans;
    private final PlanStore store;
    private final PlanJson json;
    private final ShelterZoneCheck zones;
    private final PlanCompletion completion;
    private final ExposureReadings exposures;
    private final TransactionOperations<Connection> transactions;
    private final AuditLog auditLog;
    private final Clock clock;

    PlanSaving(EvacuationPlans plans, PlanStore store, PlanJson json, ShelterZoneCheck zones, PlanCompletion completion,
               ExposureReadings exposures, TransactionOperations<Connection> transactions, AuditLog auditLog, Clock clock) {
        this.plans = plans;
        this.store = store;
        this.json = json;
        this.zones = zones;
        this.completion = completion;
        this.exposures = exposures;
        this.transactions = transactions;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** What is saved: the plan, the fields still as Inochi filled them, and whether it is completed with the family. */
    public record SaveCommand(EvacuationPlan plan, List<String> prefilled, boolean complete) {
    }

    /** Saves version {@code ifMatch + 1}; {@code ifMatch} is the version read (null or 0 before the first save). */
    public PlanDocument save(Viewer viewer, long householdId, @Nullable Integer ifMatch, SaveCommand command, String resource) {
        VisibleHousehold visible = plans.visible(viewer, householdId);
        // an officer writes only the plans of their own municipality's households
        if (viewer.isMunicipalOfficer() && !Objects.equals(viewer.municipalityCode(), visible.household().municipalityCode())) {
            throw new NotFoundException("世帯");
        }
        if (command == null || command.plan() == null) {
            throw new InvalidInputException(List.of(new FieldError("plan", "計画の内容を送ってください")));
        }
        EvacuationPlan plan = command.plan();
        List<FieldError> errors = new ArrayList<>(PlanLimits.check(plan).stream()
                .map(finding -> new FieldError(finding.field(), finding.message())).toList());
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        for (int i = 0; i < plan.destinations().size(); i++) {
            Long shelterId = plan.destinations().get(i).shelterId();
            if (shelterId != null && !zones.exists(shelterId)) {
                errors.add(new FieldError("destinations[" + i + "].shelterId", "避難所（番号 " + shelterId + "）が見つかりません"));
            }
        }
        List<PlanFinding> findings = errors.isEmpty() ? PlanRules.check(plan, zones) : List.of();
        findings.stream().filter(finding -> finding.level() == PlanFinding.Level.ERROR)
                .forEach(finding -> errors.add(new FieldError(finding.field(), finding.message())));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        PlanState state = command.complete() ? PlanState.COMPLETED : PlanState.DRAFT;
        List<String> prefilled = command.prefilled() == null ? List.of() : List.copyOf(command.prefilled());
        List<String> homeExposure = ExposureChangeTriggers.snapshot(exposures.forHouseholds(List.of(householdId)).get(householdId));
        Instant now = clock.instant();
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            int current = store.lockCurrentVersion(connection, householdId);
            if (current > 0 && ifMatch == null) {
                throw new InvalidInputException(List.of(new FieldError("If-Match",
                        "保存済みの計画を更新するときは、If-Match ヘッダーに読み込んだ版の番号（" + current + "）を指定してください")));
            }
            if (ifMatch != null && ifMatch != current) {
                throw new InochiException(ProblemType.CONCURRENT_MODIFICATION, "この個別避難計画は他の方が先に保存しました（読み込んだ版 "
                        + ifMatch + "、最新の版 " + current + "）。再読み込みして最新の内容を確認してから保存してください");
            }
            int version = current + 1;
            store.insert(connection, householdId, version, state, json.write(plan), prefilled, homeExposure, viewer.userId(),
                    viewer.displayName(), now);
            auditLog.changed(viewer, current == 0 ? AuditAction.CREATE : AuditAction.UPDATE, resource,
                    "evacuation_plan", householdId, householdId, "個別避難計画 第" + version + "版（" + state.label() + "）");
            if (state == PlanState.COMPLETED) {
                completion.completed(viewer, householdId, version);
            }
            return version;
        });
        return plans.document(viewer, visible, resource);
    }
}
