package jp.inochi.loans;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.AccessScope;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.loans.EvacuationPlanStatusRow;
import jp.inochi.loans.LoanRepository;
import jp.inochi.loans.model.PlanStatus;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.municipalities.MunicipalityNames;
import jp.inochi.web.Pages;

/**
 * Each household's 個別避難計画 (the loan's 6-month plan application and its steps), as {@code GET /api/evacuation-plans}
 * answers it: only the households the viewer may see, each read audited with its basis.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
@ExecuteOn(TaskExecutors.BLOCKING)
final class EvacuationPlanPage {
    static final String RESOURCE = "/evacuation-plans";

    private final LoanRepository loans;
    private final AuditLog auditLog;
    private final MunicipalityNames names;
    private final Pages pages;
    private final Clock clock;

    EvacuationPlanPage(LoanRepository loans, AuditLog auditLog, MunicipalityNames names, Pages pages, Clock clock) {
        this.loans = loans;
        this.auditLog = auditLog;
        this.names = names;
        this.pages = pages;
        this.clock = clock;
    }

    record Row(long householdId, String childName, String municipality, String address, LocalDate loanStart,
               LocalDate planDeadline, PlanStatus status, LocalDate appliedOn, LocalDate acceptedOn,
               LocalDate completedOn, boolean overdue, AccessBasis basis) {
    }

    @Get(RESOURCE)
    @View("loans/evacuation-plans")
    Map<String, Object> page(Viewer viewer) {
        AccessScope scope = viewer.scope(clock);
        List<EvacuationPlanStatusRow> rows = loans.findVisiblePlanStatus(scope.roleName(), scope.municipalityCode(),
                scope.wardCode(), scope.at(), null);
        auditLog.householdsRead(viewer, RESOURCE, rows.stream()
                .map(row -> new HouseholdAccess(row.householdId(), AccessBasis.valueOf(row.basis()))).toList());
        LocalDate today = JapanTime.today(clock);
        Map<String, Object> model = pages.model(viewer, "個別避難計画の状況", "plans");
        model.put("rows", rows.stream().map(r -> {
            PlanStatus status = PlanStatus.valueOf(r.planStatus());
            return new Row(r.householdId(), r.childFamilyName() + " " + r.childGivenName(),
                    names.of(r.municipalityCode(), r.wardCode()), r.address(), r.loanStart(), r.planDeadline(), status,
                    r.appliedOn(), r.acceptedOn(), r.completedOn(),
                    status == PlanStatus.NOT_APPLIED && today.isAfter(r.planDeadline()), AccessBasis.valueOf(r.basis()));
        }).toList());
        return model;
    }
}
