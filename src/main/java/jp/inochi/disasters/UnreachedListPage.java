package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.disasters.EventScreens.Option;
import jp.inochi.disasters.model.ContactMethod;
import jp.inochi.disasters.model.ContactOutcome;
import jp.inochi.disasters.model.EventState;
import jp.inochi.disasters.model.Reply;
import jp.inochi.disasters.model.SafetyStatus;
import jp.inochi.web.Flash;
import jp.inochi.web.Form;
import jp.inochi.web.Pages;
import jp.inochi.web.Submission;
import jp.inochi.web.UiText;

/** The households not yet reached, in calling order, with the form for a phone call's (or visit's) outcome. */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
@ExecuteOn(TaskExecutors.BLOCKING)
final class UnreachedListPage {
    private static final String LIST = EventScreens.LIST;

    private final DisasterEvents events;
    private final EventLists lists;
    private final SafetyChecks safetyChecks;
    private final Pages pages;
    private final Flash flash;

    UnreachedListPage(DisasterEvents events, EventLists lists, SafetyChecks safetyChecks, Pages pages, Flash flash) {
        this.events = events;
        this.lists = lists;
        this.safetyChecks = safetyChecks;
        this.pages = pages;
        this.flash = flash;
    }

    @Get(LIST + "/{id}/unreached")
    ModelAndView<Map<String, Object>> unreached(Viewer viewer, @PathVariable long id) {
        return unreachedPage(viewer, id, Form.blank("contact", "method", ContactMethod.PHONE.name()), null);
    }

    private ModelAndView<Map<String, Object>> unreachedPage(Viewer viewer, long id, Form form, @Nullable Long householdId) {
        EventViews.CallList list = lists.callList(viewer, id, EnumSet.of(SafetyStatus.UNREACHED), false, "unreached",
                "GET " + LIST + "/{id}/unreached");
        Map<String, Object> model = pages.model(viewer, "未確認の世帯：" + list.event().name(), "disasters");
        model.put("list", list);
        model.put("event", list.event());
        model.put("unreached", true);
        model.put("form", form);
        model.put("formHousehold", householdId == null ? -1L : householdId);
        model.put("canRecord", list.event().state() == EventState.ACTIVE);
        model.put("methods", EnumSet.of(ContactMethod.PHONE, ContactMethod.VISIT, ContactMethod.OTHER).stream()
                .map(m -> new Option(m.name(), m.label())).toList());
        model.put("outcomes", EnumSet.complementOf(EnumSet.of(ContactOutcome.REPLIED)).stream()
                .map(o -> new Option(o.name(), o.label())).toList());
        model.put("replies", Arrays.stream(Reply.values()).map(r -> new Option(r.name(), r.label())).toList());
        model.put("csv", "/api/disaster-events/" + id + "/unreached?format=csv");
        model.put("xlsx", "/api/disaster-events/" + id + "/unreached?format=xlsx");
        model.put("json", "/api/disaster-events/" + id + "/unreached?format=json");
        return new ModelAndView<>("disasters/households", model);
    }

    /** A phone call's (or visit's) outcome, from the unreached list. */
    @Post(value = LIST + "/{id}/households/{householdId}/contacts", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> recordContact(HttpRequest<?> request, Viewer viewer, @PathVariable long id,
                                  @PathVariable long householdId, @Body Map<String, Object> body) {
        Form form = Form.of("contact", body);
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
        String detail = form.text("detail");
        if (detail != null && detail.length() > 1000) {
            form.reject("detail", UiText.of("error.disaster.detail"));
        }
        Submission<SafetyChecks.Contact> done = Submission.run(form, () -> safetyChecks.recordContact(viewer,
                events.get(viewer, id), householdId, new SafetyChecks.NewContact(method, outcome, reply, detail, null),
                "POST " + LIST + "/{id}/households/{householdId}/contacts"));
        if (done.done()) {
            return flash.seeOther(request, LIST + "/" + id + "/unreached", "disaster.contact");
        }
        return HttpResponse.status(done.status()).body(unreachedPage(viewer, id, form, householdId));
    }
}
