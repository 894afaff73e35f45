package jp.inochi.followups;

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
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.households.HouseholdSummaries;
import jp.inochi.lifecycle.Actor;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.web.Flash;
import jp.inochi.web.Form;
import jp.inochi.web.PageSection;
import jp.inochi.web.PageSections;
import jp.inochi.web.Pages;
import jp.inochi.web.Submission;

/** One follow-up task on screen (reached from the work list): what was found, by when, and the form to close it. */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
final class FollowUpPage {
    static final String PAGE = "/follow-ups/{id}";

    private final FollowUps followUps;
    private final HouseholdSummaries households;
    private final Pages pages;
    private final Flash flash;
    private final PageSections sections;
    private final Clock clock;

    FollowUpPage(FollowUps followUps, HouseholdSummaries households, Pages pages, Flash flash, PageSections sections,
                 Clock clock) {
        this.sections = sections;
        this.followUps = followUps;
        this.households = households;
        this.pages = pages;
        this.flash = flash;
        this.clock = clock;
    }

    @Get(PAGE)
    ModelAndView<Map<String, Object>> page(Viewer viewer, @PathVariable long id) {
        return render(viewer, id, Form.blank("done"));
    }

    @Post(value = "/follow-ups/{id}/done", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> done(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("done", body);
        Submission<FollowUp> done = Submission.run(form, () -> followUps.markDone(Actor.of(viewer), id,
                new FollowUps.Done(form.date("on"), form.text("note"), form.version())));
        if (done.done()) {
            return flash.seeOther(request, "/follow-ups/" + id, "follow-up.done");
        }
        return HttpResponse.status(done.status()).body(render(viewer, id, form));
    }

    private ModelAndView<Map<String, Object>> render(Viewer viewer, long id, Form form) {
        FollowUp followUp = followUps.get(id);
        Map<String, Object> model = pages.model(viewer, "要対応 第" + id + "号", "work");
        model.put("followUp", followUp);
        model.put("household", households.one(viewer, followUp.householdId(), PAGE));
        long days = ChronoUnit.DAYS.between(JapanTime.today(clock), followUp.dueOn());
        model.put("days", days < 0 ? (-days) + "日超過" : days == 0 ? "本日期限" : "あと" + days + "日");
        model.put("overdue", days < 0);
        model.put("form", form);
        sections.addTo(PageSection.FOLLOW_UP_PAGE, model, viewer, id, form);
        return new ModelAndView<>("followups/follow-up", model);
    }
}
