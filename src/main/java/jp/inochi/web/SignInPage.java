package jp.inochi.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.HashMap;
import java.util.Map;

/**
 * The sign-in page. Its form posts to {@code POST /login} (access.WebSignInController) with the pre-session CSRF
 * token; the answer comes back here as {@code ?error=credentials|locked}, {@code ?signedOut} or {@code ?expired}.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
final class SignInPage {

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/login")
    @View("access/login")
    Map<String, Object> page(HttpRequest<?> request, @Nullable Authentication signedIn) {
        var parameters = request.getParameters();
        Map<String, Object> model = new HashMap<>();
        model.put("title", "ログイン");
        String next = parameters.getFirst("next").filter(SignInPage::isLocalPath).orElse("/");
        model.put("next", next);
        model.put("username", parameters.getFirst("username").filter(u -> u.length() <= 64).orElse(""));
        String error = parameters.getFirst("error").orElse(null);
        if ("locked".equals(error)) {
            model.put("error", UiText.of("signin.locked"));
        } else if ("credentials".equals(error)) {
            model.put("error", UiText.of("signin.credentials"));
        }
        if (parameters.contains("signedOut")) {
            model.put("notice", UiText.of("signin.signed-out"));
        } else if (parameters.contains("expired")) {
            model.put("notice", UiText.of("signin.expired"));
        }
        model.put("signedIn", signedIn != null);
        return model;
    }

    /** Only a path of this service (no other host): the same rule as the sign-in post. */
    static boolean isLocalPath(@Nullable String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\")
                && next.length() <= 512 && next.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }
}
