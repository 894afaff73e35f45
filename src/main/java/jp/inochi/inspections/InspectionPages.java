package jp.inochi.inspections;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.devices.DeviceCondition;
import jp.inochi.inspections.model.InspectionOutcome;
import jp.inochi.lifecycle.Actor;
import jp.inochi.platform.hygiene.MultipartNames;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.web.Flash;
import jp.inochi.web.Form;
import jp.inochi.web.PageSection;
import jp.inochi.web.SectionedPage;
import jp.inochi.web.Submission;
import jp.inochi.web.UiText;

/**
 * The forms of the loan page's checks: a yearly check and its photos. On success they go back to the check on the
 * loan page; with errors they show the loan page again with the form.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
final class InspectionPages {
    private final Inspections inspections;
    private final SectionedPage loanPage;
    private final Flash flash;
    private final Validator validator;

    InspectionPages(Inspections inspections, List<SectionedPage> pages, Flash flash, Validator validator) {
        this.inspections = inspections;
        this.loanPage = SectionedPage.named(pages, PageSection.LOAN_PAGE);
        this.flash = flash;
        this.validator = validator;
    }

    /** A yearly check: the checklist decides the outcome the service accepts; a failed condition opens the return. */
    @Post(value = "/loans/{id}/inspections", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> inspect(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("inspection", body);
        var command = new Inspections.NewInspection(id, form.date("inspectedOn"),
                form.choice("deviceCondition", DeviceCondition.class), form.yesNo("testRunPassed"),
                form.yesNo("fuelStoredSafely"), form.decimal("fuelStoredLitres"),
                form.yesNo("childUsesVentilatorAroundClock"), form.yesNo("familyLivesInPrefecture"), form.text("notes"),
                form.choice("outcome", InspectionOutcome.class), form.yesNo("childLivesAtHome"));
        Submission<Inspections.Recorded> done = Submission.run(form, validator, command,
                c -> inspections.record(Actor.of(viewer), c));
        if (done.done()) {
            return flash.seeOther(request, "/loans/" + id + "#inspection-" + done.result().inspection().id(),
                    done.result().returnOpened() ? "loan.inspection-return" : "loan.inspection");
        }
        return HttpResponse.status(done.status()).body(loanPage.show(viewer, id, form));
    }

    /** A photo of a check: a multipart form whose action carries {@code ?_csrf=}. Only JPEG and PNG are kept. */
    @Post(value = "/loans/{id}/inspections/{inspectionId}/photos", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> photo(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @PathVariable long inspectionId,
                          @Nullable CompletedFileUpload file) {
        if (file != null) {
            MultipartNames.check(file.getName(), file.getFilename());
        }
        if (inspections.get(inspectionId).loanId() != id) {
            throw new NotFoundException("確認");
        }
        Form form = Form.blank("photo-" + inspectionId);
        if (file == null || file.getSize() == 0 || file.getFilename() == null || file.getFilename().isBlank()) {
            form.reject("photo", UiText.of("error.photo-required"));
        }
        Submission<InspectionPhoto> done = Submission.run(form, () -> {
            try (InputStream content = file.getInputStream()) {
                return inspections.addPhoto(Actor.of(viewer), inspectionId, file.getFilename(), content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (done.done()) {
            return flash.seeOther(request, "/loans/" + id + "#inspection-" + inspectionId, "loan.photo");
        }
        return HttpResponse.status(done.status()).body(loanPage.show(viewer, id, form));
    }
}
