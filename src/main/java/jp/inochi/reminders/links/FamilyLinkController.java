package jp.inochi.reminders.links;

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
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.platform.time.JapaneseDates;
import jp.inochi.reminders.CenterContact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page a family reaches from a link in an email, without signing in. Opening it only shows what the link does;
 * the button applies it, once. A forged, expired or already used link gets a page that says so and how to reach the
 * center. (Forms carry {@code _csrf} when the access feature's CSRF filter supplies {@code csrfToken}.)
 */
@Tag(name = "ご家族向けリンク")
@Controller("/family/links")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class FamilyLinkController {
    private static final Logger LOG = LoggerFactory.getLogger(FamilyLinkController.class);
    private static final int MAX_COMMENT = 500;
    /** A required one-line entry, such as the name of the person agreeing. */
    private static final int MAX_REQUIRED_ENTRY = 100;

    private final SignedLinks links;
    private final CenterContact center;

    FamilyLinkController(SignedLinks links, CenterContact center) {
        this.links = links;
        this.center = center;
    }

    @Operation(summary = "メールのリンクの内容を表示する（ログイン不要。表示だけでは何も記録しません）")
    @Get("/{token}")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> show(String token) {
        try {
            LinkToken parsed = links.verify(token);
            var used = links.usedAt(parsed);
            if (used.isPresent()) {
                throw new LinkRefusedException(LinkRefusal.USED, used.get());
            }
            LinkAction.Page page = links.action(parsed).page(parsed);
            Map<String, Object> model = model(page);
            model.put("token", token);
            model.put("expires", dateTime(parsed.expiresAt()));
            return HttpResponse.ok(new ModelAndView<>("family/link", model));
        } catch (LinkRefusedException refused) {
            return refused(refused);
        }
    }

    @Operation(summary = "メールのリンクの内容を確定する（1回限り）")
    @Post(value = "/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> use(String token, @Nullable @Body Map<String, Object> form) {
        try {
            LinkToken parsed = links.verify(token);
            Object comment = form == null ? null : form.get("comment");
            String text = comment == null ? null : comment.toString().strip();
            LinkAction.Page page = links.action(parsed).page(parsed);
            String label = page.commentLabel() == null ? "連絡事項" : page.commentLabel();
            int max = page.commentRequired() ? MAX_REQUIRED_ENTRY : MAX_COMMENT;
            String error = null;
            if (text != null && text.length() > max) {
                error = label + "は" + max + "文字以内で入力してください（現在" + text.length() + "文字）";
            } else if (page.commentRequired() && page.button() != null && (text == null || text.isEmpty())) {
                error = label + "を入力してください";
            }
            if (error != null) {
                Map<String, Object> model = model(page);
                model.put("token", token);
                model.put("expires", dateTime(parsed.expiresAt()));
                model.put("comment", text);
                model.put("error", error);
                return HttpResponse.<ModelAndView<Map<String, Object>>>status(HttpStatus.BAD_REQUEST)
                        .body(new ModelAndView<>("family/link", model));
            }
            LinkAction.Page done = links.use(parsed, text == null || text.isEmpty() ? null : text);
            LOG.info("Family link used: action {} subject {}", parsed.action(), parsed.subjectId());
            return HttpResponse.ok(new ModelAndView<>("family/link-done", model(done)));
        } catch (LinkRefusedException refused) {
            return refused(refused);
        }
    }

    private HttpResponse<ModelAndView<Map<String, Object>>> refused(LinkRefusedException refused) {
        Map<String, Object> model = base();
        model.put("title", refused.refusal().label());
        model.put("refusal", refused.refusal().name());
        model.put("when", refused.when() == null ? null : dateTime(refused.when()));
        return HttpResponse.<ModelAndView<Map<String, Object>>>status(HttpStatus.valueOf(refused.refusal().status()))
                .body(new ModelAndView<>("family/link-refused", model));
    }

    private Map<String, Object> model(LinkAction.Page page) {
        Map<String, Object> model = base();
        model.put("title", page.title());
        model.put("paragraphs", page.paragraphs());
        model.put("button", page.button());
        model.put("asksForComment", page.asksForComment());
        model.put("commentLabel", page.commentLabel());
        model.put("commentRequired", page.commentRequired());
        model.put("maxComment", page.commentRequired() ? MAX_REQUIRED_ENTRY : MAX_COMMENT);
        return model;
    }

    /** A mutable model: the access feature adds {@code csrfToken} to Map models. */
    private Map<String, Object> base() {
        Map<String, Object> model = new HashMap<>();
        model.put("center", center);
        return model;
    }

    private static String dateTime(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, JapanTime.ZONE);
        return JapaneseDates.withGregorian(local.toLocalDate()) + String.format(" %d:%02d", local.getHour(),
                local.getMinute());
    }
}
