package jp.inochi.disasters;

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
import java.time.Instant;
import java.util.Map;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.web.Form;
import jp.inochi.web.Submission;
import jp.inochi.web.UiText;

/**
 * One event's dashboard (counts by reply status and municipality, a map of the households coloured by reply status)
 * and its forms for the area, the outage and municipal access. Starting the check and closing are
 * {@link SafetyCheckAndClosePage}.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
@ExecuteOn(TaskExecutors.BLOCKING)
final class EventDashboardPage {
    private static final String LIST = EventScreens.LIST;

    private final EventScreens screens;
    private final ReevaluatingEventAreas reevaluating;
    private final EventOutages outages;
    private final OpeningMunicipalAccess municipalAccess;

    EventDashboardPage(EventScreens screens, ReevaluatingEventAreas reevaluating, EventOutages outages,
                       OpeningMunicipalAccess municipalAccess) {
        this.screens = screens;
        this.reevaluating = reevaluating;
        this.outages = outages;
        this.municipalAccess = municipalAccess;
    }

    @Get(LIST + "/{id}")
    ModelAndView<Map<String, Object>> dashboard(Viewer viewer, @PathVariable long id) {
        return screens.dashboard(viewer, id, Form.blank("none"));
    }

    /** Evaluates the area again: families who moved in (or were added) join the event, and get the email if a check runs. */
    @Post(value = LIST + "/{id}/reevaluate", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    HttpResponse<?> reevaluate(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("reevaluate", body);
        Submission<Integer> done = Submission.run(form, () -> reevaluating.reevaluate(viewer, id,
                "POST " + LIST + "/{id}/reevaluate"));
        return screens.afterForm(request, viewer, id, form, done, "disaster.reevaluated");
    }

    /** The outage's start and the expected restoration for the whole event; the per-municipality ones are kept. */
    @Post(value = LIST + "/{id}/outage", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    HttpResponse<?> outage(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("outage", body);
        Instant outageStartedAt = EventScreens.dateTime(form, "outageStartedAt");
        Instant expectedRestorationAt = EventScreens.dateTime(form, "expectedRestorationAt");
        Long version = form.version();
        Submission<DisasterEvent> done = Submission.run(form, () -> outages.updateOutage(viewer, id, outageStartedAt,
                expectedRestorationAt, outages.restorations(id).entrySet().stream()
                        .map(kept -> new EventOutages.Restoration(kept.getKey(), kept.getValue())).toList(),
                version, "POST " + LIST + "/{id}/outage"));
        return screens.afterForm(request, viewer, id, form, done, "disaster.outage");
    }

    /** Opens municipal access for the event's municipalities (a disaster declaration): center admins only. */
    @Post(value = LIST + "/{id}/municipal-access", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.CENTER_ADMIN)
    HttpResponse<?> municipalAccess(HttpRequest<?> request, Viewer viewer, @PathVariable long id,
                                    @Body Map<String, Object> body) {
        Form form = Form.of("municipal-access", body);
        String reason = form.text("reason");
        if (reason == null) {
            form.reject("reason", UiText.of("error.disaster.access-reason"));
        }
        Instant endsAt = EventScreens.dateTime(form, "endsAt");
        Submission<DisasterEvent> done = Submission.run(form, () -> municipalAccess.openMunicipalAccess(viewer, id,
                new OpeningMunicipalAccess.MunicipalAccess(endsAt, reason), "POST " + LIST + "/{id}/municipal-access"));
        return screens.afterForm(request, viewer, id, form, done, "disaster.municipal-access");
    }
}
