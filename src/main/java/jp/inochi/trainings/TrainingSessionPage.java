package jp.inochi.trainings;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.platform.time.JapaneseDates;
import jp.inochi.trainings.model.Attendance;
import jp.inochi.web.Confirmation;
import jp.inochi.web.Flash;
import jp.inochi.web.Form;
import jp.inochi.web.Pages;
import jp.inochi.web.Submission;

/**
 * One training session: its facts, the families invited (those without email first, to call), the chooser of families
 * to invite (a mass email: preview, counts, then the yes) and, from its day on, the attendance.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
final class TrainingSessionPage {
    private static final String PAGE = TrainingPages.LIST + "/{id}";
    /** A chosen family's checkbox: {@code h12}. */
    private static final String CHOSEN = "h";
    /** The preview's counts, posted again with the yes. */
    private static final String CONFIRMATION = "confirmation";

    private final TrainingSessions sessions;
    private final TrainingFamilies families;
    private final TrainingInvitations invitations;
    private final TrainingAttendance attendance;
    private final Pages pages;
    private final Flash flash;
    private final Clock clock;

    TrainingSessionPage(TrainingSessions sessions, TrainingFamilies families, TrainingInvitations invitations,
                        TrainingAttendance attendance, Pages pages, Flash flash, Clock clock) {
        this.sessions = sessions;
        this.families = families;
        this.invitations = invitations;
        this.attendance = attendance;
        this.pages = pages;
        this.flash = flash;
        this.clock = clock;
    }

    @Get(PAGE)
    ModelAndView<Map<String, Object>> page(Viewer viewer, @PathVariable long id) {
        return page(viewer, id, Form.blank("invite"), Form.blank("attendance"));
    }

    @Post(value = PAGE + "/invitations", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> invite(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("invite", body);
        List<Long> chosen = form.posted().keySet().stream().filter(key -> key.matches(CHOSEN + "\\d{1,18}"))
                .map(key -> Long.parseLong(key.substring(CHOSEN.length()))).toList();
        if (Confirmation.isNeededFor(form)) {
            Submission<TrainingInvitations.Preview> previewed = Submission.run(form, () -> invitations.preview(viewer, id,
                    chosen, "POST " + PAGE + "/invitations"));
            if (!previewed.done()) {
                return HttpResponse.status(previewed.status()).body(page(viewer, id, form, Form.blank("attendance")));
            }
            return HttpResponse.ok(ask(form, id, previewed.result()).over(page(viewer, id, form, Form.blank("attendance"))));
        }
        Submission<TrainingInvitations.Invited> done = Submission.run(form, () -> invitations.invite(viewer, id, chosen,
                form.text(CONFIRMATION), "POST " + PAGE + "/invitations"));
        if (done.done()) {
            return flash.seeOther(request, TrainingPages.LIST + "/" + id, "training.invited");
        }
        return HttpResponse.status(done.status()).body(page(viewer, id, form, Form.blank("attendance")));
    }

    /** The preview: the email as a family receives it, how many get it, who is to be called instead. */
    private static Confirmation ask(Form form, long id, TrainingInvitations.Preview preview) {
        Confirmation confirmation = Confirmation.of(form, TrainingPages.LIST + "/" + id + "/invitations",
                preview.families() + " 世帯を研修会に招待し、" + preview.emailed() + " 世帯に招待メールを一斉送信します。よろしいですか？",
                "はい、招待する（メール " + preview.emailed() + " 世帯）", TrainingPages.LIST + "/" + id, List.of(
                        "メールを送る家族: " + preview.emailed() + " 世帯（メールでのお知らせに同意しアドレスが登録されている家族に1通ずつ）",
                        "メールで連絡できない家族: " + preview.notEmailed() + " 世帯（同意またはアドレスなし）。"
                                + "この研修会のページの「電話で案内する家族」に載ります",
                        preview.reminderOn() == null ? "開催日が近いため、リマインドのメールは送りません"
                                : "リマインドのメールを " + JapaneseDates.withGregorian(preview.reminderOn()) + " に送ります",
                        "送信したメールは取り消せません"))
                .with(CONFIRMATION, preview.confirmation());
        return preview.subject() == null ? confirmation : confirmation.showing(
                new Confirmation.MessagePreview(preview.sampleTo(), preview.subject(), preview.text()));
    }

    @Post(value = PAGE + "/attendance", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> attendance(HttpRequest<?> request, Viewer viewer, @PathVariable long id,
                               @Body Map<String, Object> body) {
        Form form = Form.of("attendance", body);
        Map<Long, Attendance> answers = new LinkedHashMap<>();
        form.posted().forEach((key, value) -> {
            if (key.matches("a\\d{1,18}") && value != null && !value.isBlank()) {
                try {
                    answers.put(Long.parseLong(key.substring(1)), Attendance.valueOf(value));
                } catch (IllegalArgumentException e) {
                    form.reject("attendance", "出欠は「出席」か「欠席」を選んでください");
                }
            }
        });
        Submission<Integer> done = Submission.run(form, () -> attendance.record(viewer, id, answers,
                "POST " + PAGE + "/attendance"));
        if (done.done()) {
            return flash.seeOther(request, TrainingPages.LIST + "/" + id, "training.attendance");
        }
        return HttpResponse.status(done.status()).body(page(viewer, id, Form.blank("invite"), form));
    }

    private ModelAndView<Map<String, Object>> page(Viewer viewer, long id, Form inviteForm, Form attendanceForm) {
        TrainingSession session = sessions.get(id);
        boolean upcoming = session.heldOn().isAfter(JapanTime.today(clock));
        List<TrainingFamilies.Family> invited = families.invited(viewer, id, PAGE);
        Map<String, Object> model = pages.model(viewer, "研修会 第" + id + "号", "trainings");
        model.put("session", session);
        model.put("invited", invited);
        model.put("toCall", invited.stream().filter(TrainingFamilies.Family::byPhone).toList());
        model.put("candidates", upcoming ? families.candidates(viewer, id, PAGE) : List.of());
        model.put("upcoming", upcoming);
        model.put("invitedCount", invited.size());
        model.put("inviteForm", inviteForm);
        model.put("attendanceForm", attendanceForm);
        return new ModelAndView<>("trainings/session", model);
    }
}
