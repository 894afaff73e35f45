package jp.inochi.evacuationplans;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.Map;
import jp.inochi.audit.AuditAction;
import jp.inochi.audit.AuditLog;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.reminders.CenterContact;
import jp.inochi.reminders.links.LinkRefusal;
import jp.inochi.reminders.links.LinkRefusedException;

/**
 * The family opens their printed plan from the signed link in an email, without signing in. A forged, expired or
 * otherwise unusable link gets a Japanese page that says so and how to reach the center, and is audited.
 */
@Tag(name = "ご家族向けリンク")
@Controller(FamilyPlanPdfController.PATH)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class FamilyPlanPdfController {
    static final String PATH = "/family/evacuation-plan";
    private static final String RESOURCE = "GET " + PATH + "/{token}.pdf";

    private final PlanPdfLink links;
    private final PlanPrinting printing;
    private final AuditLog auditLog;
    private final CenterContact center;

    FamilyPlanPdfController(PlanPdfLink links, PlanPrinting printing, AuditLog auditLog, CenterContact center) {
        this.links = links;
        this.printing = printing;
        this.auditLog = auditLog;
        this.center = center;
    }

    @Operation(summary = "署名付きリンクで個別避難計画のPDFを開く（ログイン不要・有効期限あり）")
    @Get("/{token}.pdf")
    @Produces({"application/pdf", MediaType.TEXT_HTML})
    HttpResponse<?> open(String token) {
        long householdId;
        try {
            householdId = links.householdOf(token);
        } catch (LinkRefusedException refused) {
            return refused(refused.refusal(), null);
        }
        try {
            return PlanPdfController.send(printing.printForFamily(PlanPdfLink.FAMILY_LINK, householdId, RESOURCE));
        } catch (NotFoundException gone) {
            return refused(LinkRefusal.NOT_FOUND, householdId);
        }
    }

    private HttpResponse<ModelAndView<Map<String, Object>>> refused(LinkRefusal refusal, Long householdId) {
        auditLog.system(AuditAction.REFUSED, RESOURCE, "evacuation_plan_link", householdId == null ? "—" : householdId,
                householdId, "個別避難計画PDFのリンクを拒否しました：" + refusal.label());
        Map<String, Object> model = new HashMap<>();
        model.put("center", center);
        model.put("title", refusal.label());
        model.put("refusal", refusal.name());
        return HttpResponse.<ModelAndView<Map<String, Object>>>status(HttpStatus.valueOf(refusal.status()))
                .contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>("evacuationplans/pdf-link-refused", model));
    }
}
