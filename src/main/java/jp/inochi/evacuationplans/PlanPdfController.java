package jp.inochi.evacuationplans;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.evacuationplans.print.PlanPdf;

/** The printed plan (A4, Japanese) for staff and officers who may see the household, and the family's signed link. */
@Tag(name = "個別避難計画")
@Controller
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
@ExecuteOn(TaskExecutors.BLOCKING)
class PlanPdfController {
    private final PlanPrinting printing;
    private final PlanPdfLink links;

    PlanPdfController(PlanPrinting printing, PlanPdfLink links) {
        this.printing = printing;
        this.links = links;
    }

    @Operation(summary = "個別避難計画のPDF（現在の版。未保存なら Inochi の情報を記入した手書き用の様式）")
    @Get("/api/households/{id}/evacuation-plan.pdf")
    @Produces(PlanPdf.CONTENT_TYPE)
    HttpResponse<byte[]> pdf(@PathVariable long id, Viewer viewer) {
        return send(printing.print(viewer, id, "GET /api/households/{id}/evacuation-plan.pdf"));
    }

    @Operation(summary = "ご家族に送る個別避難計画PDFの署名付きリンクを作る（有効期限あり、ログイン不要）")
    @Post("/api/households/{id}/evacuation-plan/family-link")
    PlanPdfLink.FamilyLink familyLink(@PathVariable long id, Viewer viewer) {
        return links.issue(viewer, id, "POST /api/households/{id}/evacuation-plan/family-link");
    }

    static HttpResponse<byte[]> send(PlanPrinting.Printed printed) {
        String encoded = URLEncoder.encode(printed.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return HttpResponse.ok(printed.bytes()).contentType(MediaType.of(PlanPdf.CONTENT_TYPE))
                .header("Content-Disposition", "inline; filename=\"evacuation-plan.pdf\"; filename*=UTF-8''" + encoded)
                .header("Cache-Control", "no-store");
    }
}
