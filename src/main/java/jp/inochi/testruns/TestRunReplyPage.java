package jp.inochi.testruns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import jp.inochi.audit.AuditAction;
import jp.inochi.audit.AuditLog;
import jp.inochi.platform.time.JapaneseDates;
import jp.inochi.reminders.CenterContact;
import jp.inochi.reminders.links.LinkRefusal;
import jp.inochi.reminders.links.LinkRefusedException;
import jp.inochi.reminders.links.LinkToken;
import jp.inochi.reminders.links.SignedLinks;
import jp.inochi.testruns.model.TestRunAnswer;

/**
 * The page a reply link of the monthly test-run email opens, without signing in: the click itself records the
 * answer and thanks the family; after 「問題があった」 the page offers a short optional description (posted to the same
 * address). A second click says it is already recorded. A forged, expired or unknown link gets a Japanese refusal,
 * audited.
 */
@Tag(name = "ご家族向けリンク")
@Controller("/family/links/test-runs")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class TestRunReplyPage {
    private static final String RESOURCE = "/family/links/test-runs/{token}";

    private final SignedLinks links;
    private final TestRunLinks replyLinks;
    private final TestRunReplies replies;
    private final TestRunReplyWords words;
    private final AuditLog auditLog;
    private final CenterContact center;
    private final Clock clock;

    TestRunReplyPage(SignedLinks links, TestRunLinks replyLinks, TestRunReplies replies, TestRunReplyWords words,
                     AuditLog auditLog, CenterContact center, Clock clock) {
        this.links = links;
        this.replyLinks = replyLinks;
        this.replies = replies;
        this.words = words;
        this.auditLog = auditLog;
        this.center = center;
        this.clock = clock;
    }

    @Operation(summary = "試運転の結果を記録する（メールのリンク、ログイン不要。開くだけで記録されます）")
    @Get("/{token}")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> reply(String token) {
        LinkToken parsed = null;
        try {
            parsed = links.verify(token);
            TestRunAnswer clicked = replyLinks.answerOf(parsed)
                    .orElseThrow(() -> new LinkRefusedException(LinkRefusal.NOT_FOUND, null));
            TestRunReplies.Reply reply = replies.answer(parsed.subjectId(), clicked, clock.instant());
            return HttpResponse.ok(page(token, words.of(reply), null, null));
        } catch (LinkRefusedException refused) {
            return refused(parsed, refused);
        }
    }

    @Operation(summary = "「問題があった」の様子を書き添える（任意、" + TestRunReplies.MAX_DESCRIPTION + "文字まで）")
    @Post(value = "/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> describe(String token, @Nullable @Body Map<String, Object> form) {
        LinkToken parsed = null;
        try {
            parsed = links.verify(token);
            if (replyLinks.answerOf(parsed).orElse(null) != TestRunAnswer.PROBLEM) {
                throw new LinkRefusedException(LinkRefusal.NOT_FOUND, null);
            }
            Object typed = form == null ? null : form.get("description");
            String text = typed == null ? "" : typed.toString().strip();
            String error = text.isEmpty() ? "問題の様子を書いてから送ってください（書かなくても、問題があったことは記録されています）"
                    : text.length() > TestRunReplies.MAX_DESCRIPTION ? "問題の様子は" + TestRunReplies.MAX_DESCRIPTION
                    + "文字以内で書いてください（現在" + text.length() + "文字）" : null;
            if (error != null) {
                TestRunReplies.Reply reply = replies.answer(parsed.subjectId(), TestRunAnswer.PROBLEM, clock.instant());
                return HttpResponse.<ModelAndView<Map<String, Object>>>status(HttpStatus.BAD_REQUEST)
                        .body(page(token, words.of(reply), text, error));
            }
            TestRun described = replies.describe(parsed.subjectId(), text, clock.instant());
            return HttpResponse.ok(page(token, words.described(described), null, null));
        } catch (LinkRefusedException refused) {
            return refused(parsed, refused);
        }
    }

    private ModelAndView<Map<String, Object>> page(String token, TestRunReplyWords.Words words,
                                                   @Nullable String description, @Nullable String error) {
        Map<String, Object> model = base();
        model.put("token", token);
        model.put("title", words.title());
        model.put("paragraphs", words.paragraphs());
        model.put("answer", words.answer());
        model.put("asksForDescription", words.asksForDescription());
        model.put("maxDescription", TestRunReplies.MAX_DESCRIPTION);
        model.put("description", description);
        model.put("error", error);
        return new ModelAndView<>("testruns/reply", model);
    }

    private HttpResponse<ModelAndView<Map<String, Object>>> refused(@Nullable LinkToken token,
                                                                   LinkRefusedException refused) {
        auditLog.system(AuditAction.REFUSED, RESOURCE, token == null ? null : "test_run",
                token == null ? null : token.subjectId(), null, "test-run link refused: " + refused.refusal().name());
        Map<String, Object> model = base();
        model.put("title", refused.refusal().label());
        model.put("refusal", refused.refusal().name());
        model.put("when", refused.when() == null ? null : JapaneseDates.withGregorianAndTime(refused.when()));
        return HttpResponse.<ModelAndView<Map<String, Object>>>status(HttpStatus.valueOf(refused.refusal().status()))
                .body(new ModelAndView<>("family/link-refused", model));
    }

    /** A mutable model: the access feature adds {@code csrfToken} to Map models. */
    private Map<String, Object> base() {
        Map<String, Object> model = new HashMap<>();
        model.put("center", center);
        return model;
    }
}
