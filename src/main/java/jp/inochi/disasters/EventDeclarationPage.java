package jp.inochi.disasters;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.web.Confirmation;
import jp.inochi.web.Form;
import jp.inochi.web.Submission;
import jp.inochi.web.UiText;

/**
 * The event page's forms for its declaration (center admins): extend it, or end it on its own, asking first. Both
 * go through {@link Declarations}, audited; a declaration already ended is a 409 with the reason on the page.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(Roles.CENTER_ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
final class EventDeclarationPage {
    private static final String LIST = EventScreens.LIST;

    private final EventScreens screens;
    private final DisasterEvents events;
    private final Declarations declarations;

    EventDeclarationPage(EventScreens screens, DisasterEvents events, Declarations declarations) {
        this.screens = screens;
        this.events = events;
        this.declarations = declarations;
    }

    @Post(value = LIST + "/{id}/declaration/extend", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> extend(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        long declaration = declarationOf(viewer, id);
        Form form = Form.of("declaration-extend", body);
        Instant endsAt = EventScreens.dateTime(form, "endsAt");
        if (endsAt == null && !form.hasError("endsAt")) {
            form.reject("endsAt", UiText.of("error.disaster.declaration-ends-at"));
        }
        String reason = reason(form);
        Submission<DisasterDeclaration> done = Submission.run(form, () -> declarations.extend(viewer, declaration, endsAt,
                reason, "POST " + LIST + "/{id}/declaration/extend"));
        return screens.afterForm(request, viewer, id, form, done, "disaster.declaration-extended");
    }

    @Post(value = LIST + "/{id}/declaration/end", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> end(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        long declaration = declarationOf(viewer, id);
        Form form = Form.of("declaration-end", body);
        String reason = reason(form);
        if (Confirmation.isNeededFor(form)) {
            return HttpResponse.ok(screens.asking(viewer, id, form, dashboard -> Confirmation.of(form,
                    LIST + "/" + id + "/declaration/end", "災害宣言（" + declaration + "）を今すぐ終了します。よろしいですか？",
                    "はい、災害宣言を終了する", LIST + "/" + id, List.of(
                            "市町村の防災担当者は、共有に同意していない世帯を見られなくなります",
                            "災害対応そのもの（安否確認と連絡リスト）は続きます",
                            "終了した災害宣言は延長できません。必要なら新しく宣言します"))));
        }
        Submission<DisasterDeclaration> done = Submission.run(form, () -> declarations.end(viewer, declaration, reason,
                "POST " + LIST + "/{id}/declaration/end"));
        return screens.afterForm(request, viewer, id, form, done, "disaster.declaration-ended");
    }

    private long declarationOf(Viewer viewer, long eventId) {
        Long declaration = events.get(viewer, eventId).declarationId();
        if (declaration == null) {
            throw new NotFoundException("この災害対応の災害宣言");
        }
        return declaration;
    }

    private static String reason(Form form) {
        String reason = form.text("reason");
        if (reason == null) {
            form.reject("reason", UiText.of("error.disaster.declaration-reason"));
        }
        return reason;
    }
}
