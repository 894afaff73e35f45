package jp.inochi.loans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.platform.tables.DryRun;
import jp.inochi.platform.tables.UnreadableTableException;
import jp.inochi.web.Flash;
import jp.inochi.web.Form;
import jp.inochi.web.Pages;
import jp.inochi.web.UiText;

/**
 * 計画状況の一括更新 on screen, linked from the plan list: the template download, the upload, the dry run's table, and
 * the confirmation (then back to the plan list with a message). A sheet that can't be read is said why on the form.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
@ExecuteOn(TaskExecutors.BLOCKING)
final class PlanStatusImportPage {
    static final String PAGE = "/evacuation-plans/import";

    private final PlanStatusImport imports;
    private final Pages pages;
    private final Flash flash;

    PlanStatusImportPage(PlanStatusImport imports, Pages pages, Flash flash) {
        this.imports = imports;
        this.pages = pages;
        this.flash = flash;
    }

    @Get(PAGE)
    ModelAndView<Map<String, Object>> page(Viewer viewer) {
        return view(viewer, Form.blank("upload"), null, null);
    }

    /** The dry run of the chosen sheet: a multipart form whose action carries {@code ?_csrf=}. */
    @Post(value = PAGE, consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> upload(Viewer viewer, @Nullable CompletedFileUpload sheet) throws IOException {
        Form form = Form.blank("upload");
        if (sheet == null || sheet.getSize() == 0 || sheet.getFilename() == null || sheet.getFilename().isBlank()) {
            form.reject("sheet", UiText.of("error.plan-status-import.file"));
            return HttpResponse.badRequest(view(viewer, form, null, null));
        }
        try {
            return HttpResponse.ok(view(viewer, form, imports.dryRun(viewer, sheet.getInputStream(), sheet.getFilename()), null));
        } catch (UnreadableTableException unreadable) {
            form.reject("sheet", unreadable.detail());
            return HttpResponse.unprocessableEntity().body(view(viewer, form, null, null));
        }
    }

    /** Applies what the dry run showed; when the outcome has changed since, shows the new one instead. */
    @Post(value = PAGE + "/{id}/confirm", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> confirm(HttpRequest<?> request, Viewer viewer, @PathVariable UUID id, @Body Map<String, Object> body)
            throws IOException {
        Form form = Form.of("confirm", body);
        PlanStatusImport.Confirmation done = imports.confirm(viewer, id, form.value("digest"));
        if (done.written()) {
            return flash.seeOther(request, EvacuationPlanPage.RESOURCE, "plan-status-import.done");
        }
        return HttpResponse.status(HttpStatus.CONFLICT).body(view(viewer, Form.blank("upload"), done.dryRun(),
                UiText.of("error.plan-status-import.changed")));
    }

    private ModelAndView<Map<String, Object>> view(Viewer viewer, Form form, @Nullable DryRun dryRun,
                                                   @Nullable String changed) {
        Map<String, Object> model = pages.model(viewer, "計画状況の一括更新", "plans");
        model.put("form", form);
        model.put("dryRun", dryRun);
        model.put("changed", changed);
        model.put("template", PlanStatusImportController.TEMPLATE);
        return new ModelAndView<>("loans/plan-status-import", model);
    }
}
