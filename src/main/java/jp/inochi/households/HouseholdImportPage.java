package jp.inochi.households;

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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.platform.tables.DryRun;
import jp.inochi.platform.tables.TableReader;
import jp.inochi.web.Flash;
import jp.inochi.web.Form;
import jp.inochi.web.Pages;
import jp.inochi.web.Submission;
import jp.inochi.web.UiText;

/**
 * 世帯の一括登録 on screen: the template to download, the upload that shows the dry run (counts, every refused row with
 * its column and reason, the rows that would be written), and the confirmation of exactly what was shown.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
final class HouseholdImportPage {
    static final String PATH = "/households/import";

    private final HouseholdImport imports;
    private final Pages pages;
    private final Flash flash;

    HouseholdImportPage(HouseholdImport imports, Pages pages, Flash flash) {
        this.imports = imports;
        this.pages = pages;
        this.flash = flash;
    }

    @Get(PATH)
    ModelAndView<Map<String, Object>> show(Viewer viewer, @Nullable @QueryValue Integer created,
                                           @Nullable @QueryValue Integer updated) {
        Map<String, Object> model = model(viewer, Form.blank("import"), null);
        if (created != null && updated != null && created >= 0 && updated >= 0) {
            model.put("done", UiText.of("household-import.done", created, updated));
        }
        return new ModelAndView<>("households/import", model);
    }

    /** A multipart form whose action carries {@code ?_csrf=}; nothing is written, whatever the file holds. */
    @Post(value = PATH, consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> upload(Viewer viewer, @Nullable CompletedFileUpload file) {
        Form form = Form.blank("import");
        if (file == null || file.getFilename() == null || file.getFilename().isBlank()) {
            form.reject("householdFile", UiText.of("error.household-import.file"));
        }
        Submission<DryRun> read = Submission.run(form, () -> {
            try (InputStream content = file.getInputStream()) {
                return imports.dryRun(viewer, content, file.getFilename());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return HttpResponse.status(read.status()).body(new ModelAndView<>("households/import",
                model(viewer, form, read.result())));
    }

    /** Writes the dry run that was shown (its digest); when the file now reads differently, shows the new one. */
    @Post(value = PATH + "/{id}/confirm", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> confirm(HttpRequest<?> request, Viewer viewer, @PathVariable UUID id, @Body Map<String, Object> body) {
        Form form = Form.of("import", body);
        String digest = form.text("digest");
        if (digest == null) {
            form.failPage(UiText.of("error.household-import.changed"));
        }
        Submission<HouseholdImport.Confirmation> done = Submission.run(form, () -> {
            try {
                return imports.confirm(viewer, id, digest);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (done.done() && done.result().written()) {
            DryRun written = done.result().dryRun();
            return flash.seeOther(request, PATH + "?created=" + written.createdCount() + "&updated="
                    + written.updatedCount(), "household.imported");
        }
        if (done.done()) {
            form.failPage(UiText.of("error.household-import.changed"));
        }
        DryRun shown = done.done() ? done.result().dryRun() : null;
        return HttpResponse.status(done.done() ? HttpStatus.CONFLICT : done.status())
                .body(new ModelAndView<>("households/import", model(viewer, form, shown)));
    }

    private Map<String, Object> model(Viewer viewer, Form form, @Nullable DryRun dryRun) {
        Map<String, Object> model = pages.model(viewer, "世帯の一括登録", "households");
        model.put("form", form);
        model.put("maxRows", String.format("%,d", TableReader.MAX_ROWS));
        model.put("howTo", HouseholdImportTemplate.howTo().subList(1, HouseholdImportTemplate.howTo().size()));
        if (dryRun != null) {
            model.put("dryRun", dryRun);
            model.put("result", HouseholdImportResult.of(dryRun));
        }
        return model;
    }
}
