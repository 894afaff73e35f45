package jp.inochi.access;

import static jp.inochi.testsupport.Browser.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.inochi.testsupport.Browser;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class WebSignInTest {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Inject
    EmbeddedServer server;

    @Inject
    Users users;

    @Inject
    JsonMapper json;

    @Inject
    Sessions sessions;

    @Inject
    MovableClock clock;

    @Test
    void signingInSetsAnHttpOnlySameSiteSessionCookieAndSeesOther() throws Exception {
        AppUser user = newUser(Role.CENTER_STAFF);
        Browser browser = browser();
        HttpResponse<String> signedIn = signIn(browser, user.username(), TestLogins.PASSWORD, "/loans");

        assertEquals(303, signedIn.statusCode(), signedIn.body());
        assertEquals("/loans", signedIn.headers().firstValue("location").orElseThrow());
        String cookie = Browser.setCookie(signedIn, "INOCHI_SESSION").orElseThrow();
        assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP without INOCHI_SECURE_COOKIES: " + cookie);
        Map<?, ?> me = json.readValue(browser.get("/api/auth/me").body(), Map.class);
        assertEquals(user.username(), me.get("username"));
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM user_session WHERE user_id = ? AND ended_at IS NULL", user.id()));
    }

    @Test
    void signInFormWithoutItsCsrfTokenIsRefused() {
        AppUser user = newUser(Role.CENTER_STAFF);
        Browser browser = browser();
        browser.get("/api/auth/csrf");
        HttpResponse<String> refused = browser.postForm("/login",
                form("username", user.username(), "password", TestLogins.PASSWORD));
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("CSRF"), refused.body());
        assertTrue(Browser.setCookie(refused, "INOCHI_SESSION").isEmpty());
        HttpResponse<String> forged = browser.postForm("/login",
                form("username", user.username(), "password", TestLogins.PASSWORD, "_csrf", "forged-token"));
        assertEquals(403, forged.statusCode());
    }

    @Test
    void signedInFormPostWithoutTheTokenIsRefusedAndWithItPasses() throws Exception {
        AppUser user = newUser(Role.MUNICIPAL_OFFICER, "43202");
        Browser browser = browser();
        signIn(browser, user.username(), TestLogins.PASSWORD, "/");

        HttpResponse<String> noToken = browser.postForm("/logout", form());
        assertEquals(403, noToken.statusCode());
        assertEquals("application/problem+json", noToken.headers().firstValue("content-type").orElseThrow());
        assertEquals(200, browser.get("/api/auth/me").statusCode(), "still signed in");

        HttpResponse<String> signedOut = browser.postForm("/logout", form("_csrf", csrf(browser)));
        assertEquals(303, signedOut.statusCode());
        assertEquals(401, browser.get("/api/auth/me").statusCode());
    }

    @Test
    void cookieAuthenticatedJsonCallsNeedTheTokenInTheirHeader() throws Exception {
        AppUser admin = newUser(Role.CENTER_ADMIN);
        Browser browser = browser();
        signIn(browser, admin.username(), TestLogins.PASSWORD, "/");
        String body = """
                {"username":"csrf-%s","displayName":"テスト","password":"a-long-enough-secret-1","role":"AUDITOR"}"""
                .formatted(System.nanoTime());

        assertEquals(403, browser.postJson("/api/users", body).statusCode());
        assertEquals(403, browser.postJson("/api/users", body, "X-CSRF-Token", "not-the-token").statusCode());
        HttpResponse<String> created = browser.postJson("/api/users", body, "X-CSRF-Token", csrf(browser));
        assertEquals(201, created.statusCode(), created.body());
    }

    @Test
    void aTokenFromAnotherSessionDoesNotPass() {
        AppUser user = newUser(Role.CENTER_STAFF);
        Browser first = browser();
        Browser second = browser();
        signIn(first, user.username(), TestLogins.PASSWORD, "/");
        signIn(second, user.username(), TestLogins.PASSWORD, "/");
        assertEquals(403, second.postForm("/logout", form("_csrf", csrf(first))).statusCode());
        assertEquals(303, second.postForm("/logout", form("_csrf", csrf(second))).statusCode());
        assertEquals(200, first.get("/api/auth/me").statusCode(), "signing out one session leaves the other");
    }

    @Test
    void signingOutEndsTheSessionEvenIfTheOldCookieIsSentAgain() {
        AppUser user = newUser(Role.AUDITOR);
        Browser browser = browser();
        signIn(browser, user.username(), TestLogins.PASSWORD, "/");
        String stolen = browser.cookie("INOCHI_SESSION").orElseThrow();
        HttpResponse<String> signedOut = browser.postForm("/logout", form("_csrf", csrf(browser)));
        assertTrue(Browser.setCookie(signedOut, "INOCHI_SESSION").orElseThrow().contains("Max-Age=0"));

        Browser replay = browser();
        replay.setCookie("INOCHI_SESSION", stolen);
        assertEquals(401, replay.get("/api/auth/me").statusCode());
        assertEquals(303, replay.postForm("/logout", form("_csrf", "from-a-page-of-the-ended-session")).statusCode(),
                "signing out again after the session ended just clears the cookie");
    }

    @Test
    void wrongPasswordsAtTheWebSignInLockTheAccountLikeAtTheTokenEndpoint() throws Exception {
        AppUser user = newUser(Role.CENTER_STAFF);
        Browser browser = browser();
        for (int attempt = 1; attempt <= LoginLockoutPolicy.MAX_CONSECUTIVE_FAILURES; attempt++) {
            HttpResponse<String> wrong = signIn(browser, user.username(), "wrong-password-" + attempt, "/");
            assertEquals("/login?error=credentials", wrong.headers().firstValue("location").orElseThrow());
        }
        HttpResponse<String> locked = signIn(browser, user.username(), TestLogins.PASSWORD, "/");
        assertEquals(303, locked.statusCode());
        assertEquals("/login?error=locked", locked.headers().firstValue("location").orElseThrow());
        assertTrue(Browser.setCookie(locked, "INOCHI_SESSION").isEmpty());
        assertEquals(LoginLockoutPolicy.MAX_CONSECUTIVE_FAILURES + 1, Sql.queryForLong(
                "SELECT count(*) FROM audit_log WHERE actor_user_id = ? AND action = 'LOGIN_FAILED' AND resource = 'POST /login'",
                user.id()));
    }

    @Test
    void afterSignInTheBrowserGoesOnlyToPathsOfThisService() {
        AppUser user = newUser(Role.CENTER_STAFF);
        for (String hostile : new String[] {"//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"}) {
            HttpResponse<String> signedIn = signIn(browser(), user.username(), TestLogins.PASSWORD, hostile);
            assertEquals("/", signedIn.headers().firstValue("location").orElseThrow(), hostile);
        }
    }

    @Test
    void bearerTokenCallsNeedNoCsrfToken() {
        AppUser user = newUser(Role.CENTER_STAFF);
        Browser api = browser();
        String token = (String) readJson(api.postJson("/api/auth/token",
                "{\"username\":\"" + user.username() + "\",\"password\":\"" + TestLogins.PASSWORD + "\"}").body())
                .get("access_token");
        HttpResponse<String> response = api.postJson("/api/auth/password",
                "{\"currentPassword\":\"not-my-password\",\"newPassword\":\"another-long-secret-9\"}",
                "Authorization", "Bearer " + token);
        assertEquals(400, response.statusCode(), "validated, not refused for CSRF: " + response.body());
    }

    @Test
    void everyResponseForbidsFramingSniffingAndCachingOfPersonalData() {
        HttpResponse<String> response = browser().get("/api/auth/csrf");
        assertEquals("nosniff", response.headers().firstValue("x-content-type-options").orElseThrow());
        assertEquals("DENY", response.headers().firstValue("x-frame-options").orElseThrow());
        assertEquals("no-store", response.headers().firstValue("cache-control").orElseThrow());
        assertTrue(Browser.setCookie(response, "INOCHI_PRESESSION").orElseThrow().contains("SameSite=Strict"));
    }

    @Test
    void aSessionLeftUnusedForHalfAnHourEndsWhileOneInUseGoesOn() {
        AppUser user = newUser(Role.CENTER_STAFF);
        Browser browser = browser();
        signIn(browser, user.username(), TestLogins.PASSWORD, "/");
        Duration moved = Duration.ZERO;
        try {
            clock.advance(Duration.ofMinutes(20));
            moved = moved.plusMinutes(20);
            assertEquals(200, browser.get("/api/auth/me").statusCode(), "used 20 minutes after signing in");
            clock.advance(Duration.ofMinutes(25));
            moved = moved.plusMinutes(25);
            assertEquals(200, browser.get("/api/auth/me").statusCode(), "25 minutes after its last use, 45 after signing in");
            clock.advance(Duration.ofMinutes(31));
            moved = moved.plusMinutes(31);
            assertEquals(401, browser.get("/api/auth/me").statusCode(), "31 minutes without use: ended");
            assertEquals(401, browser.get("/api/auth/me").statusCode(), "and a new request does not bring it back");
        } finally {
            clock.advance(moved.negated());
        }
    }

    @Test
    void sessionsFinishedAMonthAgoAreForgottenAndLiveOnesKept() throws Exception {
        AppUser user = newUser(Role.CENTER_STAFF);
        Browser browser = browser();
        signIn(browser, user.username(), TestLogins.PASSWORD, "/");
        Sql.update("INSERT INTO user_session (id, user_id, created_at, expires_at, ended_at) VALUES"
                + " (gen_random_uuid(), ?, now() - interval '40 days', now() - interval '39 days', now() - interval '39 days')", user.id());
        sessions.forgetFinished();
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM user_session WHERE user_id = ?", user.id()));
        assertEquals(200, browser.get("/api/auth/me").statusCode());
    }

    private HttpResponse<String> signIn(Browser browser, String username, String password, String next) {
        return browser.postForm("/login", form("username", username, "password", password, "next", next,
                "_csrf", csrf(browser)));
    }

    private String csrf(Browser browser) {
        return (String) readJson(browser.get("/api/auth/csrf").body()).get("token");
    }

    private Map<?, ?> readJson(String body) {
        try {
            return json.readValue(body, Map.class);
        } catch (IOException e) {
            throw new IllegalStateException(body, e);
        }
    }

    private Browser browser() {
        return new Browser(server.getURI());
    }

    private AppUser newUser(Role role) {
        return newUser(role, null);
    }

    private AppUser newUser(Role role, String municipality) {
        return users.create(new Users.NewUser("web-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet(),
                "テスト", TestLogins.PASSWORD, role, municipality, null, null));
    }
}
