package jp.inochi.reminders;

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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.Role;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.lifecycle.Actor;
import jp.inochi.reminders.FamilyReport;
import jp.inochi.reminders.FamilyReports;
import jp.inochi.reminders.Reminder;
import jp.inochi.reminders.ReminderRepository;
import jp.inochi.reminders.model.Recipient;
import jp.inochi.reminders.model.ReminderState;
import jp.inochi.reminders.model.ReportState;
import jp.inochi.reminders.outbox.Backlog;
import jp.inochi.reminders.outbox.MessageState;
import jp.inochi.reminders.outbox.MessageKinds;
import jp.inochi.reminders.outbox.Outbox;
import jp.inochi.reminders.outbox.OutboxAttempt;
import jp.inochi.reminders.outbox.OutboxCounts;
import jp.inochi.reminders.outbox.OutboxMessage;
import jp.inochi.web.Flash;
import jp.inochi.web.Form;
import jp.inochi.households.HouseholdSummaries;
import jp.inochi.households.HouseholdSummaries.Summary;
import jp.inochi.web.Pages;
import jp.inochi.web.Submission;

/**
 * The reminders feature on screen: the outbox (every email, its state and attempts, resend), the staff alerts (what
 * the daily digest tells the center: overdue obligations, families not reachable by email, emails given up) and the
 * families' reports from email links, confirmed or set aside. Through {@link Outbox}, {@link ReminderRepository} and
 * {@link FamilyReports}; names of families are shown as audited reads.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
final class ReminderPages {
    static final String LIST = "/reminders";
    private static final int PAGE_SIZE = 100;

    private final Outbox outbox;
    private final ReminderRepository reminders;
    private final FamilyReports reports;
    private final HouseholdSummaries households;
    private final AuditLog auditLog;
    private final Pages pages;
    private final Flash flash;
    private final Clock clock;
    private final MessageKinds kinds;

    ReminderPages(Outbox outbox, ReminderRepository reminders, FamilyReports reports, HouseholdSummaries households,
                  AuditLog auditLog, Pages pages, Flash flash, Clock clock, MessageKinds kinds) {
        this.kinds = kinds;
        this.outbox = outbox;
        this.reminders = reminders;
        this.reports = reports;
        this.households = households;
        this.auditLog = auditLog;
        this.pages = pages;
        this.flash = flash;
        this.clock = clock;
    }

    /** The mail library's error text is for those who look after the server; staff read what it means. */
    private static boolean seesTechnicalDetail(Viewer viewer) {
        return viewer.role() == Role.CENTER_ADMIN;
    }

    /** {@code notice}: why it has not gone and what happens next, in Japanese (null when nothing failed). */
    record MessageRow(OutboxMessage message, String kindLabel, @Nullable Summary household, boolean resendable,
                      @Nullable String notice) {
    }

    /** One attempt: how it ended and why, in Japanese; the mail library's own text only for admins. */
    record AttemptRow(OutboxAttempt attempt, String outcomeLabel, @Nullable String errorLabel, boolean technical) {
    }

    record AlertRow(Reminder reminder, Summary household, String why) {
    }

    record ReportRow(FamilyReport report, Summary household, Form confirm, Form dismiss) {
    }

    record StateTab(String value, String label, long count) {
    }

    @Get(LIST)
    ModelAndView<Map<String, Object>> page(Viewer viewer, @Nullable @QueryValue String tab, @Nullable @QueryValue String state) {
        return render(viewer, tab, state, Form.blank("none"), null);
    }

    private ModelAndView<Map<String, Object>> render(Viewer viewer, @Nullable String tab, @Nullable String state, Form form,
                                                     @Nullable Long formReportId) {
        String chosen = tab == null ? "outbox" : tab;
        Map<String, Object> model = pages.model(viewer, "お知らせメール", "reminders");
        model.put("tab", chosen);
        model.put("tabs", tabs(outbox.counts()));
        model.put("openReports", reports.search(ReportState.RECEIVED, null, 0, 500).size());
        switch (chosen) {
            case "alerts" -> model.put("alerts", alerts(viewer));
            case "reports" -> model.put("reports", reportRows(viewer, form, formReportId));
            default -> {
                MessageState filter = Arrays.stream(MessageState.values()).filter(s -> s.name().equals(state)).findFirst()
                        .orElse(null);
                Backlog backlog = Arrays.stream(Backlog.values()).filter(b -> b.name().equals(state)).findFirst()
                        .orElse(null);
                model.put("state", filter != null ? filter.name() : backlog != null ? backlog.name() : "");
                model.put("messages", messageRows(viewer, outbox.search(filter, backlog, null, null, 0, PAGE_SIZE)));
            }
        }
        model.put("form", form);
        model.put("technical", seesTechnicalDetail(viewer));
        return new ModelAndView<>("reminders/list", model);
    }

    /**
     * Not sent yet is two tabs, as staff ask: waiting for its time (tomorrow's digest), and due but not gone (being
     * sent or waiting to retry); then the states that are done.
     */
    private static List<StateTab> tabs(OutboxCounts counts) {
        List<StateTab> tabs = new ArrayList<>();
        for (Backlog backlog : Backlog.values()) {
            tabs.add(new StateTab(backlog.name(), backlog.label(), counts.of(backlog)));
        }
        for (MessageState state : EnumSet.of(MessageState.SENT, MessageState.FAILED, MessageState.CANCELLED)) {
            tabs.add(new StateTab(state.name(), state.label(), counts.of(state)));
        }
        return tabs;
    }

    private List<MessageRow> messageRows(Viewer viewer, List<OutboxMessage> messages) {
        Map<Long, Summary> names = households.forCenterList(viewer,
                messages.stream().map(OutboxMessage::householdId).filter(Objects::nonNull).toList(), LIST);
        Instant now = clock.instant();
        return messages.stream().map(m -> new MessageRow(m, kinds.label(m.kind()),
                m.householdId() == null ? null : names.get(m.householdId()), resendable(m),
                ReminderLabels.notice(m, now))).toList();
    }

    static boolean resendable(OutboxMessage message) {
        return EnumSet.of(MessageState.SENT, MessageState.FAILED, MessageState.CANCELLED).contains(message.state());
    }

    /**
     * What the center must act on: the staff rules of the policy (an obligation still open past its day), family
     * reminders that could not go by email, and those whose email was given up.
     */
    private List<AlertRow> alerts(Viewer viewer) {
        List<Reminder> found = reminders.search(null, null, null, null, 1000, 0).stream()
                .filter(r -> r.recipient() == Recipient.STAFF && r.state() != ReminderState.CANCELLED
                        || r.state() == ReminderState.NOT_EMAILED || r.state() == ReminderState.FAILED).toList();
        Map<Long, Summary> names = households.forCenterList(viewer, found.stream().map(Reminder::householdId).toList(),
                LIST + "?tab=alerts");
        List<AlertRow> rows = new ArrayList<>();
        for (Reminder r : found) {
            String why = r.recipient() == Recipient.STAFF
                    ? r.offsetDays() < 0 ? "期限の" + (-r.offsetDays()) + "日前です（準備のお知らせ）"
                    : "期限から" + r.offsetDays() + "日を過ぎても記録がありません"
                    : r.notSentBecause() == null ? r.state().label() : r.notSentBecause().label();
            rows.add(new AlertRow(r, names.getOrDefault(r.householdId(), HouseholdSummaries.unknown(r.householdId())), why));
        }
        return rows;
    }

    private List<ReportRow> reportRows(Viewer viewer, Form form, @Nullable Long formReportId) {
        List<FamilyReport> found = new ArrayList<>(reports.search(ReportState.RECEIVED, null, 0, 500));
        found.addAll(reports.search(null, null, 0, 100).stream().filter(r -> r.state() != ReportState.RECEIVED).toList());
        Map<Long, Summary> names = households.forCenterList(viewer, found.stream().map(FamilyReport::householdId).toList(),
                LIST + "?tab=reports");
        return found.stream().map(r -> {
            boolean mine = formReportId != null && formReportId.equals(r.id());
            return new ReportRow(r, names.getOrDefault(r.householdId(), HouseholdSummaries.unknown(r.householdId())),
                    mine && form.is("confirm") ? form : Form.blank("confirm"),
                    mine && form.is("dismiss") ? form : Form.blank("dismiss"));
        }).toList();
    }

    // ---- one message

    @Get("/outbox/{id}")
    ModelAndView<Map<String, Object>> message(Viewer viewer, @PathVariable long id) {
        return messagePage(viewer, id, Form.blank("none"));
    }

    private ModelAndView<Map<String, Object>> messagePage(Viewer viewer, long id, Form form) {
        OutboxMessage message = outbox.get(id);
        if (message.householdId() != null) {
            // The address and text as sent are the family's personal data, as in GET /api/outbox/{id}.
            auditLog.householdsRead(viewer, "/outbox/{id}",
                    List.of(new HouseholdAccess(message.householdId(), AccessBasis.CENTER)));
        }
        Map<String, Object> model = pages.model(viewer, "メール 第" + id + "号", "reminders");
        model.put("message", message);
        model.put("kindLabel", kinds.label(message.kind()));
        model.put("notice", ReminderLabels.notice(message, clock.instant()));
        model.put("technical", seesTechnicalDetail(viewer));
        model.put("household", message.householdId() == null ? null
                : households.summary(households.household(message.householdId()), AccessBasis.CENTER));
        model.put("attempts", outbox.attempts(id).stream().map(a -> new AttemptRow(a, ReminderLabels.outcome(a.outcome()),
                ReminderLabels.attemptError(a.outcome(), a.error()), ReminderLabels.technical(a.outcome()))).toList());
        model.put("items", reminders.findByMessageIdOrderById(id));
        model.put("resendable", resendable(message));
        model.put("form", form);
        return new ModelAndView<>("reminders/message", model);
    }

    /** Sent again as a new message, composed anew; back to the page it was asked from (a loan, or the message). */
    @Post(value = "/outbox/{id}/resend", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resend(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("resend", body);
        Submission<OutboxMessage> done = Submission.run(form, () -> outbox.resend(Actor.of(viewer), id));
        if (done.done()) {
            Long loan = form.longValue("loanId");
            return flash.seeOther(request, loan != null ? "/loans/" + loan + "#reminders" : "/outbox/" + done.result().id(),
                    "reminder.resent");
        }
        return HttpResponse.status(done.status()).body(messagePage(viewer, id, form));
    }

    // ---- family reports

    @Post(value = "/family-reports/{id}/confirm", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> confirm(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("confirm", body);
        Submission<FamilyReport> done = Submission.run(form, () -> reports.confirm(Actor.of(viewer), id,
                new FamilyReports.Confirmation(form.date("on"), form.text("note"), form.version())));
        if (done.done()) {
            return flash.seeOther(request, LIST + "?tab=reports", "reminder.report-confirmed");
        }
        return HttpResponse.status(done.status()).body(render(viewer, "reports", null, form, id));
    }

    @Post(value = "/family-reports/{id}/dismiss", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> dismiss(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("dismiss", body);
        Submission<FamilyReport> done = Submission.run(form, () -> reports.dismiss(Actor.of(viewer), id,
                new FamilyReports.Dismissal(form.text("reason"), form.version())));
        if (done.done()) {
            return flash.seeOther(request, LIST + "?tab=reports", "reminder.report-dismissed");
        }
        return HttpResponse.status(done.status()).body(render(viewer, "reports", null, form, id));
    }
}
