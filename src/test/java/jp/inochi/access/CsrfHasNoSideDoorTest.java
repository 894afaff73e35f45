package jp.inochi.access;

import static jp.inochi.testsupport.Browser.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.inochi.testsupport.Browser;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/** Only a request authenticated by a bearer token, with no session cookie, goes without the CSRF token. */
@MicronautTest(transactional = false)
class CsrfHasNoSideDoorTest {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Inject
    EmbeddedServer server;

    @Inject
    Users users;

    @Inject
    JsonMapper json;

    @Test
    void aCookieSignedInStateChangeCarryingSomeAuthorizationHeaderStillNeedsTheCsrfToken() throws Exception {
        AppUser admin = newUser(Role.CENTER_ADMIN);
        Browser browser = new Browser(server.getURI());
        browser.postForm("/login", form("username", admin.username(), "password", TestLogins.PASSWORD, "next", "/",
                "_csrf", csrf(browser)));
        for (String header : new String[] {"Basic Zm9vOmJhcg==", "Bearer garbage", "Bearer " + bearer(admin)}) {
            String username = "csrf-side-door-" + System.nanoTime();
            HttpResponse<String> response = browser.postJson("/api/users", """
                    {"username":"%s","displayName":"テスト","password":"a-long-enough-secret-1","role":"AUDITOR"}"""
                    .formatted(username), "Authorization", header);
            assertTrue(response.statusCode() == 403 || response.statusCode() == 401, header + ": " + response.statusCode());
            assertEquals(0, Sql.queryForLong("SELECT count(*) FROM app_user WHERE username = ?", username), header);
        }
    }

    @Test
    void aBearerTokenWithoutASessionCookieNeedsNoCsrfToken() {
        AppUser admin = newUser(Role.CENTER_ADMIN);
        HttpResponse<String> created = new Browser(server.getURI()).postJson("/api/users", """
                {"username":"csrf-bearer-%s","displayName":"テスト","password":"a-long-enough-secret-1","role":"AUDITOR"}"""
                .formatted(System.nanoTime()), "Authorization", "Bearer " + bearer(admin));
        assertEquals(201, created.statusCode(), created.body());
    }

    private String bearer(AppUser user) {
        return (String) readJson(new Browser(server.getURI()).postJson("/api/auth/token",
                "{\"username\":\"" + user.username() + "\",\"password\":\"" + TestLogins.PASSWORD + "\"}").body())
                .get("access_token");
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

    private AppUser newUser(Role role) {
        return users.create(new Users.NewUser("csrf-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet(),
                "テスト", TestLogins.PASSWORD, role, null, null, null));
    }
}
