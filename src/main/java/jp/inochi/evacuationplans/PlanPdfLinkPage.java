package jp.inochi.evacuationplans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdDirectory.VisibleHousehold;
import jp.inochi.platform.problem.ConflictException;
import jp.inochi.web.Flash;
import jp.inochi.web.Pages;

/**
 * Printing a household's plan and sending it to the family as a signed link by email (never an attachment), for
 * staff and officers who may see the household; outside their scope the household is not found (404).
 */
@Hidden
@Controller(PlanPdfLinkPage.PATH)
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
@ExecuteOn(TaskExecutors.BLOCKING)
class PlanPdfLinkPage {
    static final String PATH = "/households/{id}/evacuation-plan/pdf-link";
    private static final String FLASH = "evacuation-plan.pdf-link-sent";

    private final EvacuationPlans plans;
    private final PlanPdfMail mail;
    private final AuditLog auditLog;
    private final Pages pages;
    private final Flash flash;

    PlanPdfLinkPage(EvacuationPlans plans, PlanPdfMail mail, AuditLog auditLog, Pages pages, Flash flash) {
        this.plans = plans;
        this.mail = mail;
        this.auditLog = auditLog;
        this.pages = pages;
        this.flash = flash;
    }

    @Get
    ModelAndView<Map<String, Object>> show(@PathVariable long id, Viewer viewer) {
        return page(viewer, id, null);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> send(HttpRequest<?> request, @PathVariable long id, Viewer viewer) {
        try {
            mail.send(viewer, id, "POST " + PATH);
        } catch (ConflictException refused) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(page(viewer, id, refused.getMessage()));
        }
        return flash.seeOther(request, PATH.replace("{id}", String.valueOf(id)), FLASH);
    }

    private ModelAndView<Map<String, Object>> page(Viewer viewer, long id, @Nullable String error) {
        VisibleHousehold visible = plans.visible(viewer, id);
        Household household = visible.household();
        auditLog.householdsRead(viewer, "GET " + PATH, List.of(new HouseholdAccess(id, visible.basis())));
        Map<String, Object> model = pages.model(viewer, "個別避難計画の印刷とご家族への送付", "plan-list");
        model.put("householdId", id);
        model.put("childName", household.childFamilyName() + " " + household.childGivenName());
        model.put("whyNot", mail.whyNot(viewer, id).orElse(null));
        model.put("error", error);
        return new ModelAndView<>("evacuationplans/pdf-link", model);
    }
}
