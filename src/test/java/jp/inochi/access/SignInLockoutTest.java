package jp.inochi.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class SignInLockoutTest {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Users users;

    @Test
    void wrongPasswordsSentInParallelCannotSlipPastTheLockout() throws Exception {
        AppUser user = newUser();
        int attempts = 2 * LoginLockoutPolicy.MAX_CONSECUTIVE_FAILURES;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                int guess = i;
                statuses.add(pool.submit(() -> status(user.username(), "guess-number-" + guess)));
            }
            for (Future<Integer> status : statuses) {
                int code = status.get();
                assertTrue(code == 401 || code == 429, "a refusal, never a conflict or an error: " + code);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(429, status(user.username(), TestLogins.PASSWORD), "locked even for the right password");
        assertEquals(attempts + 1, Sql.queryForLong(
                "SELECT count(*) FROM audit_log WHERE actor_user_id = ? AND action = 'LOGIN_FAILED'", user.id()));
    }

    @Test
    void unknownUsernamesAnswerLockedLikeRealOnesSoTheLockRevealsNoUsername() {
        String nobody = "nobody-" + System.nanoTime();
        for (int attempt = 1; attempt <= LoginLockoutPolicy.MAX_CONSECUTIVE_FAILURES; attempt++) {
            assertEquals(401, status(nobody, "guess-" + attempt));
        }
        assertEquals(429, status(nobody, "guess-6"));
    }

    @Test
    void aRefusedSignInIsAuditedWithoutWhatWasTypedIntoTheUsernameField() throws Exception {
        String passwordTypedAsUsername = "my-secret-pass-" + System.nanoTime();
        assertEquals(401, status(passwordTypedAsUsername, "whatever-else"));
        assertEquals(0, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE actor_username = ? OR detail LIKE ?",
                passwordTypedAsUsername, "%" + passwordTypedAsUsername + "%"));
        assertTrue(Sql.queryForLong("SELECT count(*) FROM audit_log WHERE action = 'LOGIN_FAILED' AND actor_username = ?",
                PasswordAuthenticationProvider.UNKNOWN_USERNAME) >= 1);
    }

    @Test
    void aSuccessfulSignInIsAuditedWithItsAddress() throws Exception {
        AppUser user = newUser();
        assertEquals(200, status(user.username(), TestLogins.PASSWORD));
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE actor_user_id = ? AND action = 'LOGIN'"
                + " AND resource = 'POST /api/auth/token' AND client_address = '127.0.0.1'", user.id()));
    }

    private int status(String username, String password) {
        try {
            return client.toBlocking().exchange(HttpRequest.POST("/api/auth/token",
                    Map.of("username", username, "password", password))).code();
        } catch (HttpClientResponseException refused) {
            return refused.code();
        }
    }

    private AppUser newUser() {
        return users.create(new Users.NewUser("lockout-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet(),
                "テスト", TestLogins.PASSWORD, Role.CENTER_STAFF, null, null, null));
    }
}
