package jp.inochi.disasters;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.disasters.model.ReplyWindow;
import jp.inochi.web.Confirmation;
import jp.inochi.web.Form;
import jp.inochi.web.Submission;
import jp.inochi.web.UiText;

/**
 * The dashboard's two lifecycle forms: start the safety check (first the email's preview and counts, then the emails go
 * out), and close the event.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
@ExecuteOn(TaskExecutors.BLOCKING)
final class SafetyCheckAndClosePage {
    private static final String LIST = EventScreens.LIST;
    /** The close's second step asks whether the event's declaration ends too. */
    private static final String END_DECLARATION = "endDeclaration";
    /** The preview's counts, posted again with the yes: the start refuses without them or when they changed. */
    private static final String CONFIRMATION = "confirmation";

    private final EventScreens screens;
    private final DisasterEvents events;
    private final SafetyChecks safetyChecks;
    private final ClosingEvents closing;
    private final EventDeclarations declarations;
    private final SafetyCheckPreview previews;

    SafetyCheckAndClosePage(EventScreens screens, DisasterEvents events, SafetyChecks safetyChecks,
                            ClosingEvents closing, EventDeclarations declarations, SafetyCheckPreview previews) {
        this.declarations = declarations;
        this.previews = previews;
        this.screens = screens;
        this.events = events;
        this.safetyChecks = safetyChecks;
        this.closing = closing;
    }

    @Post(value = LIST + "/{id}/safety-check", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    HttpResponse<?> startSafetyCheck(HttpRequest<?> request, Viewer viewer, @PathVariable long id,
                                     @Body Map<String, Object> body) {
        Form form = Form.of("safety-check", body);
        Integer minutes = form.integer("replyWithinMinutes");
        String message = form.text("message");
        if (minutes != null) {
            ReplyWindow.refusal(Duration.ofMinutes(minutes)).ifPresent(refusal -> form.reject("replyWithinMinutes", refusal));
        }
        int within = minutes == null ? EventScreens.DEFAULT_REPLY_MINUTES : minutes;
        if (Confirmation.isNeededFor(form)) {
            Submission<SafetyCheckPreview.Preview> previewed = Submission.run(form, () -> previews.preview(viewer,
                    events.get(viewer, id), Duration.ofMinutes(within), message, "POST " + LIST + "/{id}/safety-check"));
            if (!previewed.done()) {
                return screens.afterForm(request, viewer, id, form, previewed, "disaster.safety-check");
            }
            SafetyCheckPreview.Preview preview = previewed.result();
            return HttpResponse.ok(screens.asking(viewer, id, form, dashboard -> ask(form, id, within, preview)));
        }
        Submission<SafetyChecks.Campaign> done = Submission.run(form, () -> safetyChecks.start(viewer,
                events.get(viewer, id), Duration.ofMinutes(within), message, form.text(CONFIRMATION),
                "POST " + LIST + "/{id}/safety-check"));
        return screens.afterForm(request, viewer, id, form, done, "disaster.safety-check");
    }

    /** The preview: the email as a family receives it, who gets it, who goes to the phone list. */
    private static Confirmation ask(Form form, long id, int within, SafetyCheckPreview.Preview preview) {
        Confirmation confirmation = Confirmation.of(form, LIST + "/" + id + "/safety-check",
                preview.emailed() + " 世帯に安否確認メールを一斉送信します。よろしいですか？", "はい、安否確認メールを送信する（" + preview.emailed()
                        + " 世帯）", LIST + "/" + id, List.of(
                        "メールを送る家族: " + preview.emailed() + " 世帯（対象 " + preview.households() + " 世帯のうち、"
                                + "メールでのお知らせに同意しアドレスが登録されている家族に1通ずつ）",
                        "メールで連絡できない家族: " + preview.notEmailed() + " 世帯（同意またはアドレスなし）。"
                                + "はじめから未確認＝電話で確認する一覧に入ります",
                        "回答の期限は送信から " + within + " 分後です。期限までに回答がない家族は未確認の一覧に入ります",
                        "送信したメールは取り消せません"))
                .with(CONFIRMATION, preview.confirmation());
        return preview.subject() == null ? confirmation : confirmation.showing(
                new Confirmation.MessagePreview(preview.sampleTo(), preview.subject(), preview.text()));
    }

    @Post(value = LIST + "/{id}/close", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    HttpResponse<?> close(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("close", body);
        String reason = form.text("reason");
        if (reason == null) {
            form.reject("reason", UiText.of("error.disaster.close-reason"));
        }
        Long version = form.version();
        EventDeclarations.Shown declaration = declarations.of(viewer, events.get(viewer, id).declarationId())
                .filter(EventDeclarations.Shown::open).orElse(null);
        boolean asksAboutDeclaration = declaration != null && viewer.role() == Role.CENTER_ADMIN;
        if (Confirmation.isNeededFor(form)) {
            return HttpResponse.ok(screens.asking(viewer, id, form, dashboard -> {
                Confirmation closing = Confirmation.of(form,
                        LIST + "/" + id + "/close", "災害対応「" + dashboard.event().name() + "」を終了します。よろしいですか？",
                        "はい、終了する", LIST + "/" + id, List.of(
                                "安否確認メールの送信と回答の受付を止めます",
                                "対象の " + dashboard.total() + " 世帯の記録はそのまま残り、CSV で出力できます"));
                return !asksAboutDeclaration ? closing : closing.asking(form, END_DECLARATION,
                        "災害宣言（" + declaration.hazardLabel() + "、" + declaration.endsAtLabel() + "まで）も終了しますか？",
                        List.of(new Confirmation.Option("yes", "はい、災害宣言も終了する（同意のない世帯は市町村から見えなくなります）"),
                                new Confirmation.Option("no", "いいえ、災害宣言は終了日時まで続ける")));
            }));
        }
        boolean endDeclaration = asksAboutDeclaration && !"no".equals(form.text(END_DECLARATION));
        Submission<DisasterEvent> done = Submission.run(form, () -> closing.close(viewer, id, reason, version,
                endDeclaration, "POST " + LIST + "/{id}/close"));
        return screens.afterForm(request, viewer, id, form, done, "disaster.closed");
    }
}
