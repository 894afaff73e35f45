package jp.inochi.loans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.devices.DeviceCondition;
import jp.inochi.devices.Devices;
import jp.inochi.lifecycle.Actor;
import jp.inochi.loans.Loan;
import jp.inochi.loans.Loans;
import jp.inochi.loans.TermsAcceptance;
import jp.inochi.loans.TermsAcceptanceState;
import jp.inochi.loans.TermsChannel;
import jp.inochi.loans.model.IncidentKind;
import jp.inochi.loans.model.LoanState;
import jp.inochi.loans.model.PlanStatus;
import jp.inochi.loans.model.PlanStep;
import jp.inochi.loans.model.ReturnReason;
import jp.inochi.loans.model.TermsOfLoan;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.web.Confirmation;
import jp.inochi.web.Flash;
import jp.inochi.web.Form;
import jp.inochi.households.HouseholdSummaries;
import jp.inochi.households.HouseholdSummaries.Summary;
import jp.inochi.web.PageSection;
import jp.inochi.web.PageSections;
import jp.inochi.platform.search.SearchQuery;
import jp.inochi.web.Pager;
import jp.inochi.web.Pages;
import jp.inochi.web.SectionedPage;
import jp.inochi.web.Submission;
import jp.inochi.timeline.Timelines;

/**
 * The loan on screen, from the handover to the end: its deadlines and where each stands, the evacuation plan's
 * steps, yearly checks with their checklist and photos, incidents, the terms, the return, and the whole timeline.
 * Everything goes through the loan use cases ({@link Loans}, {@link LoanReturns}, {@link TermsAcceptances}, ...); the
 * checks and the reminders are the inspections' and reminders' own {@link PageSection}s (the checks' forms post to
 * inspections.InspectionPages). The page is an audited read of the household.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
final class LoanPages implements SectionedPage {
    static final String RESOURCE = "/loans/{id}";
    static final String LIST = "/loans";

    private final Loans loans;
    private final LoanReturns returns;
    private final EvacuationPlanSteps planSteps;
    private final LoanIncidents loanIncidents;
    private final TermsAcceptances termsAcceptances;
    private final Devices devices;
    private final HouseholdSummaries households;
    private final Timelines timelines;
    private final Pages pages;
    private final Flash flash;
    private final Validator validator;
    private final PageSections sections;
    private final Clock clock;

    LoanPages(Loans loans, LoanReturns returns, EvacuationPlanSteps planSteps, LoanIncidents loanIncidents,
              TermsAcceptances termsAcceptances, Devices devices, HouseholdSummaries households, Timelines timelines,
              Pages pages, Flash flash, Validator validator, PageSections sections, Clock clock) {
        this.loans = loans;
        this.returns = returns;
        this.planSteps = planSteps;
        this.loanIncidents = loanIncidents;
        this.termsAcceptances = termsAcceptances;
        this.devices = devices;
        this.households = households;
        this.timelines = timelines;
        this.pages = pages;
        this.flash = flash;
        this.validator = validator;
        this.sections = sections;
        this.clock = clock;
    }

    record Row(long id, Summary household, LoanState state, LocalDate startDate, PlanStatus planStatus,
               LocalDate planDeadline, LocalDate nextCheckDue, LocalDate maxEndDate, @Nullable ReturnReason returnReason,
               @Nullable LocalDate endedOn) {
    }

    record Choice(String value, String label) {
    }

    // ---- the list

    @Get(LIST)
    ModelAndView<Map<String, Object>> list(Viewer viewer, @Nullable @QueryValue String state,
                                           @Nullable @QueryValue String q, @Nullable @QueryValue Integer page) {
        List<Loan> found;
        String filter = state == null ? "ACTIVE" : state;
        if ("RETURNS".equals(filter)) {
            found = new ArrayList<>(loans.list(LoanState.RETURN_OPEN, null));
            found.addAll(loans.list(LoanState.DEVICE_RECEIVED, null));
        } else if ("ALL".equals(filter)) {
            found = loans.list(null, null);
        } else {
            LoanState parsed = Arrays.stream(LoanState.values()).filter(s -> s.name().equals(filter)).findFirst()
                    .orElse(LoanState.ACTIVE);
            found = loans.list(parsed, null);
        }
        SearchQuery query = SearchQuery.of(q);
        List<Loan> matching = query.keep(found, Loan::id, loans::idsMatching);
        Pager pager = Pager.of(LIST, page, matching.size(), "state", filter, "q", query.typed());
        List<Loan> shown = pager.slice(matching);
        Map<Long, Summary> names = households.forCenterList(viewer, shown.stream().map(Loan::householdId).toList(), LIST);
        List<Row> rows = shown.stream().map(l -> new Row(l.id(), names.getOrDefault(l.householdId(),
                HouseholdSummaries.unknown(l.householdId())), l.state(), l.startDate(), l.planStatus(), l.planDeadline(),
                l.nextCheckDue(), l.maxEndDate(), l.returnReason(), l.endedOn())).toList();
        Map<String, Object> model = pages.model(viewer, "貸与", "loans");
        model.put("rows", rows);
        model.put("state", filter);
        model.put("pager", pager);
        model.put("q", query.typed());
        model.put("searchKeeps", Map.of("state", filter));
        model.put("ended", "ENDED".equals(filter));
        List<Choice> filters = new ArrayList<>();
        filters.add(new Choice("ACTIVE", "貸与中"));
        filters.add(new Choice("RETURNS", "返還手続中（受領・点検待ちを含む）"));
        filters.add(new Choice("ENDED", "終了"));
        filters.add(new Choice("ALL", "すべて"));
        model.put("filters", filters);
        return new ModelAndView<>("loans/list", model);
    }

    // ---- the page

    @Get(RESOURCE)
    ModelAndView<Map<String, Object>> page(Viewer viewer, @PathVariable long id) {
        return detail(viewer, id, Form.blank("none"));
    }

    @Override
    public String page() {
        return PageSection.LOAN_PAGE;
    }

    @Override
    public ModelAndView<Map<String, Object>> show(Viewer viewer, long id, Form form) {
        return detail(viewer, id, form);
    }

    ModelAndView<Map<String, Object>> detail(Viewer viewer, long id, Form form) {
        Loan loan = loans.get(id);
        LocalDate today = JapanTime.today(clock);
        Map<String, Object> model = pages.model(viewer, "貸与 第" + id + "号", "loans");
        model.put("household", households.one(viewer, loan.householdId(), RESOURCE));
        model.put("loan", loan);
        model.put("device", devices.get(loan.deviceId()));
        List<String> allowed = loans.allowedActions(loan);
        model.put("allowed", allowed);
        model.put("planSteps", loans.allowedPlanSteps(loan).stream()
                .map(api -> Arrays.stream(PlanStep.values()).filter(s -> s.apiName().equals(api)).findFirst().orElseThrow())
                .map(s -> new Choice(s.name(), s.label())).toList());
        model.put("deadlines", deadlines(loan, today));
        List<TermsAcceptance> terms = loans.termsAcceptances(id);
        model.put("terms", terms);
        model.put("pendingTerms", terms.stream().filter(t -> t.state() == TermsAcceptanceState.SENT).findFirst().orElse(null));
        model.put("runningCosts", TermsOfLoan.RUNNING_COSTS);
        model.put("repairLiability", TermsOfLoan.REPAIR_LIABILITY);
        model.put("checkDueSoon", loan.state() == LoanState.ACTIVE
                && !loan.nextCheckDue().isAfter(today.plusDays(Deadline.SOON_DAYS)));
        model.put("incidents", loans.incidents(id));
        model.put("history", timelines.of(loans.timeline(id)));
        sections.addTo(PageSection.LOAN_PAGE, model, viewer, id, form);
        model.put("conditions", choices(DeviceCondition.values()));
        model.put("incidentKinds", choices(IncidentKind.values()));
        model.put("returnReasons", Arrays.stream(ReturnReason.values()).filter(r -> r != ReturnReason.TERM_ENDED)
                .map(r -> new Choice(r.name(), r.label())).toList());
        model.put("afterReturn", List.of(new Choice("AVAILABLE", "点検に合格：貸出可能に戻す"),
                new Choice("IN_REPAIR", "修理に出す"), new Choice("RETIRED", "廃棄する")));
        model.put("form", form);
        return new ModelAndView<>("loans/page", model);
    }

    static List<Deadline> deadlines(Loan loan, LocalDate today) {
        List<Deadline> deadlines = new ArrayList<>();
        boolean running = loan.state() == LoanState.ACTIVE || loan.state() == LoanState.RETURN_OPEN;
        PlanStatus plan = loan.planStatus();
        deadlines.add(Deadline.of("個別避難計画の作成申請（貸与開始から6か月）", loan.planDeadline(), today,
                plan != PlanStatus.NOT_APPLIED || !running, plan != PlanStatus.NOT_APPLIED
                        ? plan.label() + (loan.planAppliedOn() != null ? "（申請 " + jp.inochi.platform.time.JapaneseDates.warekiShort(loan.planAppliedOn()) + "）" : "")
                        : "対象外（貸与終了）", Deadline.SOON_DAYS));
        if (loan.state() == LoanState.ACTIVE) {
            deadlines.add(Deadline.of("次の年次確認", loan.nextCheckDue(), today, false, null, Deadline.SOON_DAYS));
        }
        deadlines.add(Deadline.of("貸与期間の満了（最長5年）", loan.maxEndDate(), today, !running,
                loan.endedOn() != null ? "終了（" + jp.inochi.platform.time.JapaneseDates.warekiShort(loan.endedOn()) + "）" : "返還手続中",
                90));
        return deadlines;
    }

    private static <E extends Enum<E> & jp.inochi.lifecycle.Labelled> List<Choice> choices(E[] values) {
        return Arrays.stream(values).map(v -> new Choice(v.name(), v.label())).toList();
    }

    // ---- the actions

    @Post(value = "/loans/{id}/plan-steps", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> planStep(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("plan-step", body);
        return act(request, viewer, id, form, "loan.plan-step", () -> planSteps.recordPlanStep(Actor.of(viewer), id,
                new EvacuationPlanSteps.PlanStepRecord(form.choice("step", PlanStep.class), form.date("on"), form.text("note"),
                        form.version())));
    }

    @Post(value = "/loans/{id}/incidents", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> incident(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("incident", body);
        var command = new LoanIncidents.NewIncident(form.date("occurredOn"), form.choice("kind", IncidentKind.class),
                form.text("description"), form.integer("repairCostYen"), form.checkbox("familyLiable"),
                form.text("liabilityNote"));
        return act(request, viewer, id, form, "loan.incident", () -> {
            loanIncidents.recordIncident(Actor.of(viewer), id, command);
            return null;
        });
    }

    @Post(value = "/loans/{id}/return", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> openReturn(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("return", body);
        return act(request, viewer, id, form, "loan.return", () -> returns.openReturn(Actor.of(viewer), id,
                new LoanReturns.ReturnRequest(form.choice("reason", ReturnReason.class), form.text("note"),
                        form.date("openedOn"), form.version())));
    }

    @Post(value = "/loans/{id}/cancel-return", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> cancelReturn(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("cancel-return", body);
        return act(request, viewer, id, form, "loan.cancel-return", () -> returns.cancelReturn(Actor.of(viewer), id,
                new LoanReturns.Justification(form.text("reason"), form.version())));
    }

    @Post(value = "/loans/{id}/receive-device", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> receiveDevice(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("receive-device", body);
        return act(request, viewer, id, form, "loan.receive-device", () -> returns.receiveDevice(Actor.of(viewer), id,
                new LoanReturns.DeviceReceipt(form.date("receivedOn"), form.choice("condition", DeviceCondition.class),
                        form.text("note"), form.version())));
    }

    @Post(value = "/loans/{id}/complete-return", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> completeReturn(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("complete-return", body);
        LocalDate inspectedOn = form.date("inspectedOn");
        var deviceGoesTo = form.choice("deviceGoesTo", LoanReturns.DeviceAfterReturn.class);
        if (deviceGoesTo != null && Confirmation.isNeededFor(form)) {
            return HttpResponse.ok(LoanEndConfirmations.completeReturn(id, form, orToday(inspectedOn), deviceGoesTo)
                    .over(detail(viewer, id, form)));
        }
        return act(request, viewer, id, form, "loan.complete-return", () -> returns.completeReturn(Actor.of(viewer), id,
                new LoanReturns.ReturnInspection(inspectedOn, deviceGoesTo, form.text("note"), form.version())));
    }

    @Post(value = "/loans/{id}/end-with-device-lost", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> endWithDeviceLost(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("end-with-device-lost", body);
        LocalDate endedOn = form.date("endedOn");
        if (Confirmation.isNeededFor(form)) {
            return HttpResponse.ok(LoanEndConfirmations.lostDevice(id, form, orToday(endedOn)).over(detail(viewer, id, form)));
        }
        return act(request, viewer, id, form, "loan.end-with-device-lost", () -> returns.endWithDeviceLost(Actor.of(viewer), id,
                new LoanReturns.LossEnding(endedOn, form.text("note"), form.version())));
    }

    @Post(value = "/loans/{id}/terms", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resendTerms(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("terms", body);
        return act(request, viewer, id, form, "loan.terms-resent", () -> termsAcceptances.resendTerms(Actor.of(viewer), id,
                new TermsAcceptances.TermsResend(form.choice("channel", TermsChannel.class), form.text("sentTo"), form.date("sentOn"))));
    }

    @Post(value = "/loans/{id}/terms/{acceptanceId}/accept", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> acceptTerms(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @PathVariable long acceptanceId,
                                @Body Map<String, Object> body) {
        Form form = Form.of("terms-accept", body);
        return act(request, viewer, id, form, "loan.terms-accepted", () -> termsAcceptances.acceptTerms(Actor.of(viewer), id,
                acceptanceId, new TermsAcceptances.TermsAcceptedLater(new TermsAccepted(
                        form.checkbox("terms.runningCostsAccepted"), form.checkbox("terms.repairLiabilityAccepted"),
                        form.text("terms.acceptedByName")), form.date("acceptedOn"), form.version())));
    }

    private LocalDate orToday(@Nullable LocalDate date) {
        return date != null ? date : JapanTime.today(clock);
    }

    private HttpResponse<?> act(HttpRequest<?> request, Viewer viewer, long id, Form form, String flashKey,
                                Supplier<?> action) {
        Submission<?> done = Submission.run(form, action::get);
        if (done.done()) {
            return flash.seeOther(request, "/loans/" + id, flashKey);
        }
        return HttpResponse.status(done.status()).body(detail(viewer, id, form));
    }
}
