package jp.inochi.access;

import static jp.inochi.testsupport.Browser.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.inochi.testsupport.Browser;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/**
 * The contract for the Thymeleaf UI (issue 7): a view with a Map model gets {@code csrfToken}; the form puts it in
 * {@code _csrf}; the post passes with it and is refused without it. Also: th:text escapes a script in a name.
 */
@MicronautTest(transactional = false)
@Property(name = "inochi.test.csrf-form-view", value = "true")
class CsrfFormViewTest {
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9_-]+)\"");

    @Inject
    EmbeddedServer server;

    @Inject
    Users users;

    @Test
    void theSignInPageCarriesTheTokenThatTheSignInPostNeeds() {
        AppUser user = users.create(new Users.NewUser("view-" + System.nanoTime(), "テスト", TestLogins.PASSWORD,
                Role.CENTER_STAFF, null, null, null));
        Browser browser = new Browser(server.getURI());
        var page = browser.get("/test-csrf-form/login-page");
        assertTrue(Browser.setCookie(page, "INOCHI_PRESESSION").isPresent(), "the page starts a pre-session");
        var signedIn = browser.postForm("/login", form("username", user.username(), "password", TestLogins.PASSWORD,
                "_csrf", token(page.body())));
        assertEquals(303, signedIn.statusCode(), signedIn.body());
    }

    @Test
    void aSignedInFormPostPassesWithThePagesTokenAndIsRefusedWithout() {
        AppUser user = users.create(new Users.NewUser("view-" + System.nanoTime(), "テスト", TestLogins.PASSWORD,
                Role.CENTER_STAFF, null, null, null));
        Browser browser = new Browser(server.getURI());
        var login = browser.get("/test-csrf-form/login-page");
        browser.postForm("/login", form("username", user.username(), "password", TestLogins.PASSWORD, "_csrf", token(login.body())));

        var page = browser.get("/test-csrf-form/page");
        assertTrue(page.body().contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;"), page.body());
        assertFalse(page.body().contains("<script>alert"), "a name is shown, never run");
        String token = token(page.body());
        assertEquals(403, browser.postForm("/test-csrf-form/page", form("note", "CSRFなし")).statusCode());
        var saved = browser.postForm("/test-csrf-form/page", form("note", "CSRFあり", "_csrf", token));
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals(403, browser.postForm("/test-csrf-form/page", form("note", "前のログインの", "_csrf", token(login.body())))
                .statusCode(), "the pre-sign-in token no longer counts once signed in");
    }

    private static String token(String html) {
        Matcher matcher = TOKEN.matcher(html);
        assertTrue(matcher.find(), html);
        return matcher.group(1);
    }

    @Hidden
    @Requires(property = "inochi.test.csrf-form-view", value = "true")
    @Controller("/test-csrf-form")
    static class FormController {

        @Secured(SecurityRule.IS_ANONYMOUS)
        @Get("/login-page")
        @View("csrf-form-test")
        Map<String, Object> loginPage() {
            Map<String, Object> model = new HashMap<>();
            model.put("name", "ログイン");
            model.put("action", "/login");
            return model;
        }

        @Secured(SecurityRule.IS_AUTHENTICATED)
        @Get("/page")
        @View("csrf-form-test")
        Map<String, Object> page() {
            Map<String, Object> model = new HashMap<>();
            model.put("name", "<script>alert('xss')</script>");
            model.put("action", "/test-csrf-form/page");
            return model;
        }

        @Secured(SecurityRule.IS_AUTHENTICATED)
        @Post(value = "/page", consumes = MediaType.APPLICATION_FORM_URLENCODED)
        HttpResponse<String> save(@io.micronaut.http.annotation.Body Map<String, String> form) {
            return HttpResponse.ok("saved");
        }
    }
}
