package jp.inochi.loans;

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
import io.micronaut.core.annotation.Nullable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.applications.ApplicationPage;
import jp.inochi.applications.ApplicationReviewPages;
import jp.inochi.applications.StepCommand;
import jp.inochi.devices.Device;
import jp.inochi.devices.DeviceState;
import jp.inochi.devices.Devices;
import jp.inochi.lifecycle.Actor;
import jp.inochi.loans.model.LoanApplicationState;
import jp.inochi.loans.model.TermsOfLoan;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.platform.time.JapaneseDates;
import jp.inochi.loans.model.EvacuationPlanDeadline;
import jp.inochi.web.Confirmation;
import jp.inochi.web.Flash;
import jp.inochi.web.Form;
import jp.inochi.web.Submission;
import jp.inochi.web.UiText;
import jp.inochi.applications.ProgramApplicationPage;

/**
 * 貸与申請 on screen: received once the program application is approved, reviewed and decided, a sine-wave generator
 * set aside for it, and the handover with the family's acceptance of the terms, which starts the loan.
 * Everything goes through {@link LoanApplications}.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
final class LoanApplicationPages implements ApplicationPage {
    static final String RESOURCE = "/loan-applications/{id}";
    private static final String VIEW = "applications/loan";

    private final LoanApplications applications;
    private final Loans loans;
    private final Devices devices;
    private final ApplicationReviewPages review;
    private final Flash flash;
    private final ProgramApplicationPage programPage;
    private final Clock clock;

    LoanApplicationPages(LoanApplications applications, Loans loans, Devices devices, ApplicationReviewPages review,
                         Flash flash, ProgramApplicationPage programPage, Clock clock) {
        this.applications = applications;
        this.loans = loans;
        this.devices = devices;
        this.review = review;
        this.flash = flash;
        this.programPage = programPage;
        this.clock = clock;
    }

    /** Received from the approved program application's page; errors are shown there. */
    @Post(value = "/program-applications/{id}/loan-applications", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> receive(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("receive-loan-application", body);
        var received = form.date("receivedOn");
        Submission<LoanApplication> done = Submission.run(form, () -> applications.receive(Actor.of(viewer),
                new LoanApplications.NewLoanApplication(id, received == null ? JapanTime.today(clock) : received,
                        form.text("note"))));
        if (done.done()) {
            return flash.seeOther(request, "/loan-applications/" + done.result().id(), "loan-application.received");
        }
        return HttpResponse.status(done.status()).body(programPage.detail(viewer, id, form));
    }

    @Get("/loan-applications/{id}")
    ModelAndView<Map<String, Object>> page(Viewer viewer, @PathVariable long id) {
        return detail(viewer, id, Form.blank("none"));
    }

    @Override
    public String path(long id) {
        return "/loan-applications/" + id;
    }

    @Override
    public String messageKey(String formName) {
        return "loan-application." + formName;
    }

    @Override
    public ModelAndView<Map<String, Object>> detail(Viewer viewer, long id, Form form) {
        LoanApplication application = applications.get(id);
        Map<String, Object> model = review.model(viewer, "貸与申請 第" + id + "号", RESOURCE, application,
                applications.allowedActions(application), applications.history(id), form);
        model.put("device", application.deviceId() == null ? null : devices.get(application.deviceId()));
        model.put("availableDevices", devices.list(DeviceState.AVAILABLE).stream().filter(Device::sineWave).toList());
        model.put("loan", application.state() == LoanApplicationState.HANDED_OVER
                ? loans.list(null, application.householdId()).stream().filter(l -> l.loanApplicationId() == id)
                        .findFirst().orElse(null)
                : null);
        model.put("runningCosts", TermsOfLoan.RUNNING_COSTS);
        model.put("repairLiability", TermsOfLoan.REPAIR_LIABILITY);
        model.put("termsVersion", TermsOfLoan.VERSION);
        return new ModelAndView<>(VIEW, model);
    }

    @Post(value = "/loan-applications/{id}/start-review", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> startReview(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        return review.step(request, viewer, id, Form.of("start-review", body), this, applications::startReview);
    }

    @Post(value = "/loan-applications/{id}/request-information", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> requestInformation(HttpRequest<?> request, Viewer viewer, @PathVariable long id,
                                       @Body Map<String, Object> body) {
        return review.requestInformation(request, viewer, id, Form.of("request-information", body), this,
                applications::requestInformation);
    }

    @Post(value = "/loan-applications/{id}/resume-review", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resumeReview(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        return review.step(request, viewer, id, Form.of("resume-review", body), this, applications::resumeReview);
    }

    @Post(value = "/loan-applications/{id}/approve", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> approve(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("approve", body);
        LocalDate decidedOn = form.date("decidedOn");
        return review.actOnceConfirmed(request, viewer, id, form, this, () -> Confirmation.of(form, path(id) + "/approve",
                "貸与申請 第" + id + "号の貸与を決定します。よろしいですか？", "はい、貸与を決定する", path(id), List.of(
                        "貸与決定日 " + JapaneseDates.withGregorian(orToday(decidedOn)) + " として記録し、経過に残ります",
                        "次に、貸出可能な装置をこの申請に割り当てられるようになります")),
                () -> applications.approve(Actor.of(viewer), id,
                        new LoanApplications.Decision(form.text("note"), decidedOn, form.version())));
    }

    private LocalDate orToday(@Nullable LocalDate date) {
        return date != null ? date : JapanTime.today(clock);
    }

    @Post(value = "/loan-applications/{id}/reject", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reject(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        return review.refuse(request, viewer, id, Form.of("reject", body), this, applications::reject);
    }

    @Post(value = "/loan-applications/{id}/withdraw", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> withdraw(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        return review.refuse(request, viewer, id, Form.of("withdraw", body), this, applications::withdraw);
    }

    @Post(value = "/loan-applications/{id}/assign-device", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> assignDevice(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("assign-device", body);
        Long deviceId = form.longValue("deviceId");
        if (deviceId == null && !form.hasError("deviceId")) {
            form.reject("deviceId", UiText.of("error.choose-device"));
        }
        return review.act(request, viewer, id, form, this, () -> applications.assignDevice(Actor.of(viewer), id,
                new LoanApplications.DeviceAssignment(deviceId, form.date("assignedOn"), form.version())));
    }

    @Post(value = "/loan-applications/{id}/release-device", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> releaseDevice(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("release-device", body);
        return review.act(request, viewer, id, form, this, () -> applications.releaseDevice(Actor.of(viewer), id,
                new StepCommand(form.text("note"), form.date("effectiveOn"), form.version())));
    }

    /** 引渡し: the family accepts both terms of line 538 (two checkboxes) and the loan starts on the handover date. */
    @Post(value = "/loan-applications/{id}/hand-over", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> handOver(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("hand-over", body);
        var start = form.date("startDate");
        if (termsFilledIn(form) && Confirmation.isNeededFor(form)) {
            return HttpResponse.ok(handover(id, form, orToday(start)).over(detail(viewer, id, form)));
        }
        Submission<Loan> done = Submission.run(form, () -> applications.handOver(Actor.of(viewer), id,
                new LoanApplications.Handover(start, new TermsAccepted(form.checkbox("terms.runningCostsAccepted"),
                        form.checkbox("terms.repairLiabilityAccepted"), form.text("terms.acceptedByName")),
                        form.text("note"), form.version())));
        if (done.done()) {
            return flash.seeOther(request, "/loans/" + done.result().id(), "loan.handed-over");
        }
        return HttpResponse.status(done.status()).body(detail(viewer, id, form));
    }

    /** Unaccepted terms are refused by the service with their reasons; only a handover that can go ahead is asked about. */
    private static boolean termsFilledIn(Form form) {
        return form.checkbox("terms.runningCostsAccepted") && form.checkbox("terms.repairLiabilityAccepted")
                && form.text("terms.acceptedByName") != null;
    }

    private Confirmation handover(long id, Form form, LocalDate start) {
        LoanApplication application = applications.get(id);
        String device = application.deviceId() == null ? "割り当てた装置" : "装置 " + devices.get(application.deviceId()).serialNumber();
        return Confirmation.of(form, path(id) + "/hand-over", device + "を引き渡し、貸与を開始します。よろしいですか？",
                "はい、引き渡して貸与を開始する", path(id), List.of(
                        "貸与開始日は " + JapaneseDates.withGregorian(start) + " です。貸与期間（最長5年）と年次確認の時期はこの日から数えます",
                        "個別避難計画の作成申請の期限は " + JapaneseDates.withGregorian(EvacuationPlanDeadline.of(start)) + " になります",
                        device + "は貸与中になり、ほかの申請には割り当てられなくなります",
                        "貸与の条件への同意（" + form.text("terms.acceptedByName") + " 様）を記録します"));
    }
}
