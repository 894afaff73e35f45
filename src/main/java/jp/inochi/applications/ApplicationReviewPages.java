package jp.inochi.applications;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jp.inochi.access.Viewer;
import jp.inochi.households.HouseholdSummaries;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.LifecycleEvent;
import jp.inochi.timeline.Timelines;
import jp.inochi.web.Confirmation;
import jp.inochi.web.Flash;
import jp.inochi.web.Form;
import jp.inochi.web.Pages;
import jp.inochi.web.Submission;

/**
 * What the program and loan application pages share: the page model (the family, the application, what may be done,
 * the timeline) drawn by {@code views/applications/review.html}, and the form posts of the review steps both have.
 */
@Singleton
public class ApplicationReviewPages {
    private final Pages pages;
    private final HouseholdSummaries households;
    private final Timelines timelines;
    private final Flash flash;

    ApplicationReviewPages(Pages pages, HouseholdSummaries households, Timelines timelines, Flash flash) {
        this.pages = pages;
        this.households = households;
        this.timelines = timelines;
        this.flash = flash;
    }

    /** A review step as the feature's service takes it. */
    @FunctionalInterface
    public interface Step<C> {
        Object take(Actor actor, long id, C command);
    }

    /** Showing the page is an audited read of the household ({@code resource} names it in the audit log). */
    public Map<String, Object> model(Viewer viewer, String title, String resource, ReviewedApplication<?, ?> application,
                                     List<String> allowed, List<LifecycleEvent> history, Form form) {
        Map<String, Object> model = pages.model(viewer, title, "applications");
        model.put("household", households.one(viewer, application.householdId(), resource));
        model.put("app", application);
        model.put("allowed", allowed);
        model.put("history", timelines.of(history));
        model.put("form", form);
        return model;
    }

    /** Start or resume the review: a date and a note. */
    public HttpResponse<?> step(HttpRequest<?> request, Viewer viewer, long id, Form form, ApplicationPage page,
                                Step<StepCommand> step) {
        return act(request, viewer, id, form, page, () -> step.take(Actor.of(viewer), id,
                new StepCommand(form.text("note"), form.date("effectiveOn"), form.version())));
    }

    public HttpResponse<?> requestInformation(HttpRequest<?> request, Viewer viewer, long id, Form form,
                                              ApplicationPage page, Step<InformationRequest> step) {
        return act(request, viewer, id, form, page, () -> step.take(Actor.of(viewer), id,
                new InformationRequest(form.text("message"), form.date("effectiveOn"), form.version())));
    }

    /** Reject or withdraw: a reason is required. */
    public HttpResponse<?> refuse(HttpRequest<?> request, Viewer viewer, long id, Form form, ApplicationPage page,
                                  Step<Refusal> step) {
        return act(request, viewer, id, form, page, () -> step.take(Actor.of(viewer), id,
                new Refusal(form.text("reason"), form.date("decidedOn"), form.version())));
    }

    /** A decision with large effects: the page asks first (nothing written), then acts once the person says yes. */
    public HttpResponse<?> actOnceConfirmed(HttpRequest<?> request, Viewer viewer, long id, Form form, ApplicationPage page,
                                            Supplier<Confirmation> confirmation, Supplier<?> action) {
        if (Confirmation.isNeededFor(form)) {
            return HttpResponse.ok(confirmation.get().over(page.detail(viewer, id, form)));
        }
        return act(request, viewer, id, form, page, action);
    }

    /** POST-redirect-GET when it worked; the page again with the errors and what was typed when it didn't. */
    public HttpResponse<?> act(HttpRequest<?> request, Viewer viewer, long id, Form form, ApplicationPage page,
                               Supplier<?> action) {
        Submission<?> done = Submission.run(form, action);
        if (done.done()) {
            return flash.seeOther(request, page.path(id), page.messageKey(form.name()));
        }
        return HttpResponse.status(done.status()).body(page.detail(viewer, id, form));
    }
}
