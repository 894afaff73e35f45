package jp.inochi.disasters;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.disasters.model.ContactMethod;
import jp.inochi.disasters.model.ContactOutcome;
import jp.inochi.disasters.model.Reply;
import jp.inochi.web.Flash;
import jp.inochi.web.Form;
import jp.inochi.web.Submission;
import jp.inochi.web.UiText;

/**
 * A call's (or visit's) result recorded from its row of the call list or the unreached list. The row's script asks for
 * the row alone and replaces it in place; without the script the page answers 303 back to the same list, filters and
 * page, at the row's anchor. A refusal comes back in the row (or the page) in Japanese and records nothing.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
@ExecuteOn(TaskExecutors.BLOCKING)
final class RecordingFromTheRow {
    private static final String RESOURCE = "POST " + EventScreens.LIST + "/{id}/households/{householdId}/contacts";
    private static final int DETAIL_LIMIT = 1000;

    private final DisasterEvents events;
    private final SafetyChecks safetyChecks;
    private final CallSheetScreens screens;
    private final Flash flash;

    RecordingFromTheRow(DisasterEvents events, SafetyChecks safetyChecks, CallSheetScreens screens, Flash flash) {
        this.events = events;
        this.safetyChecks = safetyChecks;
        this.screens = screens;
        this.flash = flash;
    }

    @Post(value = EventScreens.LIST + "/{id}/households/{householdId}/contacts",
            consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> recordContact(HttpRequest<?> request, Viewer viewer, @PathVariable long id,
                                  @PathVariable long householdId, @Body Map<String, Object> body) {
        Form form = Form.of("contact", body);
        boolean unreached = !"call-list".equals(form.text("list"));
        CallSheetFilter filter = CallSheetFilter.of(unreached, form.text("municipality"), form.text("status"),
                form.text("power"), form.text("ventilator"), form.text("page"));
        boolean inPlace = request.getHeaders().contains(CallSheetScreens.ROW_HEADER);
        SafetyChecks.NewContact contact = contact(form);
        Submission<SafetyChecks.Contact> done = Submission.run(form, () -> safetyChecks.recordContact(viewer,
                events.get(viewer, id), householdId, contact, RESOURCE));
        if (done.done() && inPlace) {
            return HttpResponse.ok(screens.row(viewer, id, householdId, unreached, filter, CallSheetScreens.blankForm(),
                    flash.message("disaster.contact").orElse(null)));
        }
        if (done.done()) {
            String list = EventScreens.LIST + "/" + id + "/" + CallSheetScreens.listName(unreached);
            return flash.seeOther(request, filter.address(list) + "#row-" + householdId, "disaster.contact");
        }
        HttpStatus status = done.status();
        if (inPlace) {
            return HttpResponse.status(status).body(screens.row(viewer, id, householdId, unreached, filter, form, null));
        }
        return HttpResponse.status(status).body(screens.page(viewer, id, unreached, filter, form, householdId));
    }

    /** Method, outcome, the family's state, and where they are, what they need and a note folded into the detail. */
    private static SafetyChecks.NewContact contact(Form form) {
        ContactMethod method = form.choice("method", ContactMethod.class);
        ContactOutcome outcome = form.choice("outcome", ContactOutcome.class);
        if (method == null && !form.hasError("method")) {
            form.reject("method", UiText.of("error.disaster.method"));
        }
        if (outcome == null && !form.hasError("outcome")) {
            form.reject("outcome", UiText.of("error.disaster.outcome"));
        }
        Reply reply = form.choice("reply", Reply.class);
        if (outcome == ContactOutcome.REACHED && reply == null && !form.hasError("reply")) {
            form.reject("reply", UiText.of("error.disaster.reply"));
        }
        List<String> parts = new ArrayList<>();
        part(parts, "居場所", form.text("detail"));
        part(parts, "必要な支援", form.text("needs"));
        part(parts, "メモ", form.text("note"));
        String detail = parts.isEmpty() ? null : String.join("／", parts);
        if (detail != null && detail.length() > DETAIL_LIMIT) {
            form.reject("note", UiText.of("error.disaster.detail-total"));
        }
        return new SafetyChecks.NewContact(method, outcome, reply, detail, null);
    }

    private static void part(List<String> parts, String label, String value) {
        if (value != null) {
            parts.add(label + "：" + value);
        }
    }
}
