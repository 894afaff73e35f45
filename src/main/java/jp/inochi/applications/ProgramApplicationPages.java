package jp.inochi.applications;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import io.micronaut.core.annotation.Nullable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.applications.FindLoanApplications.LoanApplicationsOfProgram;
import jp.inochi.applications.model.Eligibility;
import jp.inochi.applications.model.EligibilityOverride;
import jp.inochi.applications.model.Ineligibility;
import jp.inochi.applications.model.ProgramApplicationState;
import jp.inochi.applications.model.RuleOverride;
import jp.inochi.households.HouseholdSummaries;
import jp.inochi.lifecycle.Actor;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.platform.time.JapaneseDates;
import jp.inochi.web.Confirmation;
import jp.inochi.web.Flash;
import jp.inochi.web.Form;
import jp.inochi.web.Pages;
import jp.inochi.web.Submission;

/**
 * 事業利用申請 on screen: receiving one for a household, its page with the eligibility result and every named reason,
 * and each decision (review, request information, record why a subsidy can't be used, approve — overriding a reason
 * only with a written justification — reject with a reason, withdraw). Everything goes through
 * {@link ProgramApplications}; the steps shared with loan applications through {@link ApplicationReviewPages}.
 * Showing the page is an audited read of the household, as in the API.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
final class ProgramApplicationPages implements ProgramApplicationPage {
    static final String RESOURCE = "/program-applications/{id}";
    private static final String VIEW = "applications/program";

    private final ProgramApplications applications;
    private final FindLoanApplications loanApplications;
    private final ApplicationReviewPages review;
    private final HouseholdSummaries households;
    private final MunicipalSubsidies subsidies;
    private final Pages pages;
    private final Flash flash;
    private final Clock clock;

    ProgramApplicationPages(ProgramApplications applications, FindLoanApplications loanApplications,
                            ApplicationReviewPages review, HouseholdSummaries households, MunicipalSubsidies subsidies,
                            Pages pages, Flash flash, Clock clock) {
        this.applications = applications;
        this.loanApplications = loanApplications;
        this.review = review;
        this.households = households;
        this.subsidies = subsidies;
        this.pages = pages;
        this.flash = flash;
        this.clock = clock;
    }

    /** A named reason on screen, with the override the approve form may carry for it (a hard one: admins only). */
    record ReasonView(String code, String label, String detail, int seedLine, String field, boolean adminOnly) {
    }

    // ---- receiving

    @Get("/program-applications/new")
    ModelAndView<Map<String, Object>> newForm(Viewer viewer, @QueryValue long householdId) {
        return newPage(viewer, householdId, Form.blank("receive", "householdId", String.valueOf(householdId),
                "receivedOn", JapanTime.today(clock).toString()));
    }

    @Post(value = "/program-applications", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> receive(HttpRequest<?> request, Viewer viewer, @Body Map<String, Object> body) {
        Form form = Form.of("receive", body);
        Long householdId = form.longValue("householdId");
        if (householdId == null) {
            throw new NotFoundException("世帯");
        }
        Submission<ProgramApplication> done = Submission.run(form, () -> applications.receive(Actor.of(viewer),
                new ProgramApplications.NewProgramApplication(householdId, form.date("receivedOn"), form.date("plannedDischargeDate"),
                        form.text("subsidyExceptionReason"), form.text("note"))));
        if (done.done()) {
            return flash.seeOther(request, "/program-applications/" + done.result().id(), "program-application.received");
        }
        return HttpResponse.status(done.status()).body(newPage(viewer, householdId, form));
    }

    private ModelAndView<Map<String, Object>> newPage(Viewer viewer, long householdId, Form form) {
        Map<String, Object> model = pages.model(viewer, "事業利用申請を受け付ける", "applications");
        HouseholdSummaries.Summary household = households.one(viewer, householdId, "/program-applications/new");
        model.put("household", household);
        model.put("subsidy", SubsidyStatus.of(household.municipality(),
                households.household(householdId).municipalityCode(), subsidies.inForceOn(JapanTime.today(clock))));
        model.put("form", form);
        return new ModelAndView<>("applications/program-new", model);
    }

    // ---- the page

    @Get("/program-applications/{id}")
    ModelAndView<Map<String, Object>> page(Viewer viewer, @PathVariable long id) {
        return detail(viewer, id, Form.blank("none"));
    }

    @Override
    public String path(long id) {
        return "/program-applications/" + id;
    }

    @Override
    public String messageKey(String formName) {
        return "program-application." + formName;
    }

    @Override
    public ModelAndView<Map<String, Object>> detail(Viewer viewer, long id, Form form) {
        ProgramApplication application = applications.get(id);
        Map<String, Object> model = review.model(viewer, "事業利用申請 第" + id + "号", RESOURCE, application,
                applications.allowedActions(application), applications.history(id), form);
        Eligibility eligibility = applications.eligibility(application);
        model.put("eligibility", eligibility);
        List<ReasonView> reasons = new ArrayList<>();
        for (Ineligibility reason : eligibility.reasons()) {
            reasons.add(new ReasonView(reason.reason().name(), reason.reason().label(), reason.detail(),
                    reason.reason().seedLine(), "overrides." + reason.reason().name(),
                    reason.reason().weight() == RuleOverride.Weight.HARD));
        }
        model.put("reasons", reasons);
        model.put("minJustification", EligibilityOverride.MIN_JUSTIFICATION_LENGTH);
        model.put("overrides", applications.overrides(id));
        boolean approved = application.state() == ProgramApplicationState.APPROVED;
        var loans = approved ? loanApplications.of(application) : LoanApplicationsOfProgram.NONE;
        model.put("loanApplications", loans.applications());
        model.put("canReceiveLoanApplication", approved && loans.anotherMayBeReceived());
        model.put("todayIso", JapanTime.today(clock).toString());
        return new ModelAndView<>(VIEW, model);
    }

    // ---- the decisions

    @Post(value = "/program-applications/{id}/start-review", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> startReview(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        return review.step(request, viewer, id, Form.of("start-review", body), this, applications::startReview);
    }

    @Post(value = "/program-applications/{id}/request-information", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> requestInformation(HttpRequest<?> request, Viewer viewer, @PathVariable long id,
                                       @Body Map<String, Object> body) {
        return review.requestInformation(request, viewer, id, Form.of("request-information", body), this,
                applications::requestInformation);
    }

    @Post(value = "/program-applications/{id}/resume-review", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resumeReview(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        return review.step(request, viewer, id, Form.of("resume-review", body), this, applications::resumeReview);
    }

    @Post(value = "/program-applications/{id}/record-subsidy-exception", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> subsidyException(HttpRequest<?> request, Viewer viewer, @PathVariable long id,
                                     @Body Map<String, Object> body) {
        Form form = Form.of("record-subsidy-exception", body);
        return review.act(request, viewer, id, form, this, () -> applications.recordSubsidyException(Actor.of(viewer), id,
                new ProgramApplications.SubsidyException(form.text("reason"), form.version())));
    }

    /** Every reason found needs its own written justification; the service says which are missing. */
    @Post(value = "/program-applications/{id}/approve", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> approve(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("approve", body);
        ProgramApplication current = applications.get(id);
        List<ProgramApplications.OverrideInput> overrides = new ArrayList<>();
        for (Ineligibility reason : applications.eligibility(current).reasons()) {
            String justification = form.text("overrides." + reason.reason().name());
            if (justification != null) {
                overrides.add(new ProgramApplications.OverrideInput(reason.reason(), justification));
            }
        }
        LocalDate decidedOn = form.date("decidedOn");
        return review.actOnceConfirmed(request, viewer, id, form, this,
                () -> approval(id, form, decidedOn, overrides.size()),
                () -> applications.approve(Actor.of(viewer), id,
                        new ProgramApplications.Approval(overrides, decidedOn, form.text("note"), form.version())));
    }

    private Confirmation approval(long id, Form form, @Nullable LocalDate decidedOn, int overridden) {
        List<String> consequences = new ArrayList<>();
        consequences.add("決定日 " + JapaneseDates.withGregorian(decidedOn != null ? decidedOn : JapanTime.today(clock))
                + " の承認として記録し、経過に残ります");
        if (overridden > 0) {
            consequences.add("該当する理由 " + overridden + "件を、記入した根拠とともに上書きします");
        }
        consequences.add("ご家族から貸与申請を受け付けられるようになります");
        consequences.add("承認した後は、却下や取下げに変えられません");
        return Confirmation.of(form, path(id) + "/approve", "事業利用申請 第" + id + "号を承認します。よろしいですか？",
                "はい、承認する", path(id), consequences);
    }

    @Post(value = "/program-applications/{id}/reject", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reject(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        return review.refuse(request, viewer, id, Form.of("reject", body), this, applications::reject);
    }

    @Post(value = "/program-applications/{id}/withdraw", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> withdraw(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        return review.refuse(request, viewer, id, Form.of("withdraw", body), this, applications::withdraw);
    }
}
