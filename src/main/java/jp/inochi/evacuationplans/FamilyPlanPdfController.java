package jp.inochi.evacuationplans;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.reminders.links.LinkRefusedException;

/** The family opens their printed plan from the signed link in an email, without signing in. */
@Tag(name = "ご家族向けリンク")
@Controller("/family/evacuation-plan")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class FamilyPlanPdfController {
    private static final MediaType TEXT_PLAIN_UTF8 = MediaType.of("text/plain;charset=utf-8");
    private final PlanPdfLink links;
    private final PlanPrinting printing;

    FamilyPlanPdfController(PlanPdfLink links, PlanPrinting printing) {
        this.links = links;
        this.printing = printing;
    }

    @Operation(summary = "署名付きリンクで個別避難計画のPDFを開く（ログイン不要・有効期限あり）")
    @Get("/{token}.pdf")
    @Produces({"application/pdf", MediaType.TEXT_PLAIN})
    HttpResponse<?> open(String token) {
        long householdId;
        try {
            householdId = links.householdOf(token);
        } catch (LinkRefusedException refused) {
            return HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(refused.refusal().status()))
                    .contentType(TEXT_PLAIN_UTF8)
                    .body(refused.refusal().label() + "。お手数ですが、センターまたは市町村の担当者にお問い合わせください。");
        }
        try {
            return PlanPdfController.send(printing.printForFamily(PlanPdfLink.FAMILY_LINK, householdId,
                    "GET /family/evacuation-plan/{token}.pdf"));
        } catch (NotFoundException gone) {
            return HttpResponse.notFound().contentType(TEXT_PLAIN_UTF8)
                    .body("このリンクの内容は見つかりません。");
        }
    }
}
