package jp.inochi.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class SigningInTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestLogins logins;

    @Inject
    AppUserRepository users;

    @Test
    void staffSignInWithPasswordAndSeeThemselves() {
        String token = logins.bearer(Role.CENTER_STAFF);
        Map<?, ?> me = client.toBlocking().retrieve(HttpRequest.GET("/api/auth/me").bearerAuth(token), Map.class);
        assertEquals("CENTER_STAFF", me.get("role"));
        assertEquals("センター職員", me.get("roleLabel"));
    }

    @Test
    void passwordIsStoredAsArgon2idHashNotAsText() {
        AppUser user = logins.user(Role.AUDITOR);
        assertTrue(user.passwordHash().startsWith("$argon2id$v=19$"));
        assertFalse(user.passwordHash().contains(TestLogins.PASSWORD));
    }

    @Test
    void wrongPasswordIsRefusedWithJapaneseProblem() {
        AppUser user = logins.user(Role.CENTER_ADMIN);
        var refused = assertThrows(HttpClientResponseException.class, () -> requestToken(user.username(), "wrong-password-123"));
        assertEquals(HttpStatus.UNAUTHORIZED, refused.getStatus());
        Map<?, ?> problem = refused.getResponse().getBody(Map.class).orElseThrow();
        assertEquals("urn:inochi:problem:unauthenticated", problem.get("type"));
        assertEquals("ユーザー名またはパスワードが正しくありません", problem.get("detail"));
        assertFalse(refused.getResponse().getBody(String.class).orElse("").contains("wrong-password-123"));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightPassword() {
        AppUser user = logins.user(Role.MUNICIPAL_OFFICER, "43202", null);
        for (int attempt = 1; attempt <= LoginLockoutPolicy.MAX_CONSECUTIVE_FAILURES; attempt++) {
            assertThrows(HttpClientResponseException.class, () -> requestToken(user.username(), "guess-" + System.nanoTime()));
        }
        var locked = assertThrows(HttpClientResponseException.class, () -> requestToken(user.username(), TestLogins.PASSWORD));
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, locked.getStatus());
        assertTrue(users.findByUsername(user.username()).orElseThrow().lockedUntil() != null);
    }

    @Test
    void requestsWithoutTokenOrWithForgedTokenAreUnauthenticated() {
        var anonymous = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(HttpRequest.GET("/api/auth/me")));
        assertEquals(HttpStatus.UNAUTHORIZED, anonymous.getStatus());
        // A signature made without the key: the real one's first character changed (it carries 6 full bits).
        String token = logins.bearer(Role.CENTER_STAFF);
        int signature = token.lastIndexOf('.') + 1;
        char first = token.charAt(signature);
        String forged = token.substring(0, signature) + (first == 'A' ? 'B' : 'A') + token.substring(signature + 1);
        var rejected = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(HttpRequest.GET("/api/auth/me").bearerAuth(forged)));
        assertEquals(HttpStatus.UNAUTHORIZED, rejected.getStatus());
    }

    @Test
    void blankCredentialsGetFieldLevelJapaneseMessages() {
        var invalid = assertThrows(HttpClientResponseException.class, () -> requestToken("", ""));
        assertEquals(HttpStatus.BAD_REQUEST, invalid.getStatus());
        Map<?, ?> problem = invalid.getResponse().getBody(Map.class).orElseThrow();
        assertEquals("urn:inochi:problem:validation-failed", problem.get("type"));
        assertEquals("application/problem+json", invalid.getResponse().getContentType().orElseThrow().toString());
        var errors = (java.util.List<?>) problem.get("errors");
        assertEquals(Map.of("field", "password", "message", "入力してください"), errors.get(0));
        assertEquals(Map.of("field", "username", "message", "入力してください"), errors.get(1));
    }

    private Map<?, ?> requestToken(String username, String password) {
        return client.toBlocking().retrieve(
                HttpRequest.POST("/api/auth/token", Map.of("username", username, "password", password)), Map.class);
    }
}
