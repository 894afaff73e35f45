package jp.inochi.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/** The lockout holds whatever the concurrency: a try is reserved in the database before its password is checked. */
@MicronautTest(transactional = false)
// Every refusal runs one password hash (locked or not), so fifty at once take a while on a small machine.
@Property(name = "micronaut.http.client.read-timeout", value = "120s")
class ParallelGuessingTest {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final int GUESSES = 50;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Users users;

    @Inject
    SignInTries tries;

    @Inject
    Clock clock;

    @Inject
    UnknownUsernameThrottle unknownUsernames;

    @Test
    void fiftyParallelGuessesAtTheTokenEndpointHaveAtMostFivePasswordsCheckedAndTheRightOneMidBurstGetsNoToken()
            throws Exception {
        burstChecksAtMostFivePasswords("/api/auth/token");
    }

    @Test
    void fiftyParallelGuessesAtTheWebSignInHaveAtMostFivePasswordsCheckedAndTheRightOneMidBurstGetsNoSession()
            throws Exception {
        burstChecksAtMostFivePasswords("/login");
    }

    @Test
    void aRightPasswordCheckedWhileOtherGuessesLockedTheAccountNeitherSignsInNorClearsTheLock() {
        AppUser user = newUser();
        Instant now = clock.instant();
        int rightTry = tries.reserve(user.id(), now).orElseThrow();
        for (int other = 2; other <= LoginLockoutPolicy.MAX_CONSECUTIVE_FAILURES; other++) {
            assertEquals(other, tries.reserve(user.id(), now).orElseThrow());
        }
        assertTrue(tries.reserve(user.id(), now).isEmpty(), "locked");
        assertFalse(tries.keepSuccess(user.id(), rightTry, now));
        assertEquals(429, status("/api/auth/token", user.username(), TestLogins.PASSWORD));
    }

    @Test
    void theRightPasswordOnTheLastAllowedTryStillSignsIn() {
        AppUser user = newUser();
        for (int attempt = 1; attempt < LoginLockoutPolicy.MAX_CONSECUTIVE_FAILURES; attempt++) {
            assertEquals(401, status("/api/auth/token", user.username(), "wrong-" + attempt));
        }
        assertEquals(200, status("/api/auth/token", user.username(), TestLogins.PASSWORD));
        assertEquals(401, status("/api/auth/token", user.username(), "wrong-again"), "the count started again");
    }

    @Test
    void aLockedRealNameTakesAsLongToRefuseAsAnUnknownNameSoTimingRevealsNoUsername() {
        AppUser user = newUser();
        String nobody = "nobody-" + System.nanoTime();
        for (int attempt = 0; attempt <= LoginLockoutPolicy.MAX_CONSECUTIVE_FAILURES; attempt++) {
            status("/api/auth/token", user.username(), "wrong-" + attempt);
            status("/api/auth/token", nobody, "wrong-" + attempt);
        }
        long[] real = new long[9];
        long[] unknown = new long[9];
        for (int i = 0; i < real.length; i++) {
            real[i] = timedRefusal(user.username());
            unknown[i] = timedRefusal(nobody);
        }
        long realMedian = median(real);
        long unknownMedian = median(unknown);
        assertTrue(realMedian * 2 >= unknownMedian && unknownMedian * 2 >= realMedian,
                "locked real name " + realMedian + " µs, locked unknown name " + unknownMedian + " µs");
    }

    @Test
    void unknownNamesAreCountedInTheSharedDatabaseSoEveryInstanceLocksThemAfterTheSameFiveTries() throws Exception {
        String nobody = "shared-nobody-" + System.nanoTime();
        for (int attempt = 1; attempt <= LoginLockoutPolicy.MAX_CONSECUTIVE_FAILURES; attempt++) {
            assertEquals(401, status("/api/auth/token", nobody, "guess-" + attempt));
        }
        assertEquals(429, status("/api/auth/token", nobody, "guess-6"));
        // Another instance sees the same rows: when the database forgets the lock, this instance forgets it too.
        assertEquals(1, Sql.update("UPDATE unknown_username_attempt SET failed_logins = 0, locked_until = NULL"
                + " WHERE username_digest = ? AND locked_until IS NOT NULL", unknownUsernames.digest(nobody)));
        assertEquals(401, status("/api/auth/token", nobody, "guess-7"));
    }

    private void burstChecksAtMostFivePasswords(String entrance) throws Exception {
        AppUser user = newUser();
        ExecutorService pool = Executors.newFixedThreadPool(GUESSES + 1);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> wrong = new ArrayList<>();
            for (int i = 0; i < GUESSES; i++) {
                String guess = "guess-number-" + i;
                wrong.add(pool.submit(() -> {
                    start.await();
                    return status(entrance, user.username(), guess);
                }));
            }
            start.countDown();
            Future<Integer> right = pool.submit(() -> {
                awaitLock(user);
                return status(entrance, user.username(), TestLogins.PASSWORD);
            });
            for (Future<Integer> status : wrong) {
                int code = status.get();
                assertTrue(code == 401 || code == 429, "a refusal, never a conflict or an error: " + code);
            }
            int rightStatus = right.get();
            assertNotEquals(200, rightStatus, "the right password mid-burst got in");
            assertNotEquals(204, rightStatus, "the right password mid-burst got in");
        } finally {
            pool.shutdownNow();
        }
        long checked = Sql.queryForLong("SELECT count(*) FROM audit_log WHERE actor_user_id = ? AND action = 'LOGIN_FAILED'"
                + " AND detail = 'CREDENTIALS_DO_NOT_MATCH'", user.id());
        assertTrue(checked <= LoginLockoutPolicy.MAX_CONSECUTIVE_FAILURES, checked + " passwords were checked");
        assertEquals(429, status(entrance, user.username(), TestLogins.PASSWORD), "still locked after the burst");
    }

    /** Waits until the burst has locked the account (at most a few seconds), so the right password comes mid-burst. */
    private static void awaitLock(AppUser user) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && Sql.queryForLong(
                "SELECT count(*) FROM app_user WHERE id = ? AND locked_until > now()", user.id()) == 0) {
            Thread.sleep(5);
        }
    }

    private long timedRefusal(String username) {
        long started = System.nanoTime();
        assertEquals(429, status("/api/auth/token", username, "still-wrong"));
        return (System.nanoTime() - started) / 1_000;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private int status(String entrance, String username, String password) {
        try {
            return client.toBlocking().exchange(HttpRequest.POST(entrance, Map.of("username", username, "password", password))
                    .contentType(MediaType.APPLICATION_JSON_TYPE).accept(MediaType.APPLICATION_JSON_TYPE)).code();
        } catch (HttpClientResponseException refused) {
            return refused.code();
        }
    }

    private AppUser newUser() {
        return users.create(new Users.NewUser("parallel-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet(),
                "テスト", TestLogins.PASSWORD, Role.CENTER_STAFF, null, null, null));
    }
}
