package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import jp.inochi.access.Role;
import jp.inochi.access.Viewer;
import jp.inochi.disasters.model.EventState;
import jp.inochi.disasters.model.SafetyStatus;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.web.Confirmation;
import jp.inochi.web.Flash;
import jp.inochi.web.Form;
import jp.inochi.web.Pages;
import jp.inochi.web.Submission;
import jp.inochi.web.UiText;

/**
 * What the 災害対応 screens share: their base URL, a choice's option, the {@code datetime-local} fields, and the event
 * dashboard, which each of its forms shows again with the form's errors.
 */
@Singleton
class EventScreens {
    static final String LIST = "/disasters";
    static final int DEFAULT_REPLY_MINUTES = 180;

    private final EventLists lists;
    private final Pages pages;
    private final Flash flash;
    private final EventDeclarations declarations;

    EventScreens(EventLists lists, Pages pages, Flash flash, EventDeclarations declarations) {
        this.lists = lists;
        this.pages = pages;
        this.flash = flash;
        this.declarations = declarations;
    }

    record Option(String value, String label) {
    }

    /** The event's dashboard; {@code form} is the one that failed (its errors shown in place), or a blank one. */
    ModelAndView<Map<String, Object>> dashboard(Viewer viewer, long id, Form form) {
        return dashboard(lists.dashboard(viewer, id), viewer, form);
    }

    /** The dashboard asking first (nothing written yet) what {@code confirmation} says, counted from the dashboard. */
    ModelAndView<Map<String, Object>> asking(Viewer viewer, long id, Form form,
                                             Function<EventViews.Dashboard, Confirmation> confirmation) {
        EventViews.Dashboard dashboard = lists.dashboard(viewer, id);
        return confirmation.apply(dashboard).over(dashboard(dashboard, viewer, form));
    }

    private ModelAndView<Map<String, Object>> dashboard(EventViews.Dashboard dashboard, Viewer viewer, Form form) {
        Map<String, Object> model = pages.model(viewer, dashboard.event().name(), "disasters");
        model.put("dashboard", dashboard);
        model.put("event", dashboard.event());
        model.put("statuses", Arrays.stream(SafetyStatus.values()).toList());
        model.put("active", dashboard.event().state() == EventState.ACTIVE);
        model.put("canManage", viewer.isCenter() && dashboard.event().state() == EventState.ACTIVE);
        model.put("startForm", form.is("safety-check") ? form
                : Form.blank("safety-check", "replyWithinMinutes", String.valueOf(DEFAULT_REPLY_MINUTES)));
        model.put("closeForm", form.forAction("close"));
        model.put("reevaluateForm", form.forAction("reevaluate"));
        model.put("outageForm", form.forAction("outage").hasErrors() ? form : Form.blank("outage",
                "outageStartedAt", localInput(dashboard.event().outageStartedAt()),
                "expectedRestorationAt", localInput(dashboard.event().expectedRestorationAt())));
        model.put("accessForm", form.forAction("municipal-access"));
        EventDeclarations.Shown declaration = declarations.of(viewer, dashboard.event().declarationId()).orElse(null);
        boolean admin = viewer.role() == Role.CENTER_ADMIN;
        model.put("declaration", declaration);
        // once declared, the page offers to extend or end that declaration, not to declare again
        model.put("canOpenAccess", admin && dashboard.event().state() == EventState.ACTIVE
                && (declaration == null || !declaration.open()));
        model.put("canChangeDeclaration", admin && declaration != null && declaration.open());
        model.put("extendForm", form.forAction("declaration-extend"));
        model.put("endDeclarationForm", form.forAction("declaration-end"));
        model.put("legendJson", legendJson());
        return new ModelAndView<>("disasters/dashboard", model);
    }

    /** After a dashboard form: back to the dashboard with the flash message, or the dashboard again with the errors. */
    HttpResponse<?> afterForm(HttpRequest<?> request, Viewer viewer, long id, Form form, Submission<?> done,
                              String flashKey) {
        if (done.done()) {
            return flash.seeOther(request, LIST + "/" + id, flashKey);
        }
        return HttpResponse.status(done.status()).body(dashboard(viewer, id, form));
    }

    private static String legendJson() {
        StringBuilder json = new StringBuilder("[");
        for (SafetyStatus status : SafetyStatus.values()) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"status\":\"").append(status.name()).append("\",\"label\":\"").append(status.label())
                    .append("\",\"colour\":\"").append(status.colour()).append("\"}");
        }
        return json.append(']').toString();
    }

    /** {@code <input type="datetime-local">} in Japan time; null when empty, an error when unreadable. */
    @Nullable
    static Instant dateTime(Form form, String field) {
        String text = form.text(field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.replace('/', '-').replace(' ', 'T')).atZone(JapanTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            form.reject(field, UiText.of("error.date-time"));
            return null;
        }
    }

    /** An instant as a {@code datetime-local} input's value in Japan time, or "" for none. */
    private static String localInput(@Nullable Instant at) {
        return at == null ? "" : LocalDateTime.ofInstant(at, JapanTime.ZONE).truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
