package jp.inochi.applications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.inochi.access.Role;
import jp.inochi.households.Household;
import jp.inochi.lifecycle.Actor;
import jp.inochi.platform.problem.InochiException;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/** Two staff deciding the same application at once: exactly one decision is written, the other gets 409. */
@MicronautTest(transactional = false)
class ConcurrentDecisionTest {

    @Inject
    ProgramApplications applications;

    @Inject
    TestHouseholds households;

    @Inject
    TestLogins logins;

    @Inject
    MovableClock clock;

    @Inject
    @Client("/")
    HttpClient http;

    private ProgramApplication underReview() {
        clock.setDate(LocalDate.of(2026, 4, 1));
        Household household = households.living("43203", true);
        Actor staff = Actor.of(logins.viewer(Role.CENTER_STAFF));
        ProgramApplication received = applications.receive(staff,
                new ProgramApplications.NewProgramApplication(household.id(), LocalDate.of(2026, 3, 30), null, null, null));
        return applications.startReview(staff, received.id(), StepCommand.today());
    }

    @Test
    void twoThreadsApprovingAndRejectingTheSameApplicationAtOnceLeaveExactlyOneDecision() throws Exception {
        for (int round = 0; round < 5; round++) {
            ProgramApplication application = underReview();
            // Even rounds send the version the staff saw; odd rounds rely on the database's optimistic lock alone.
            Long seen = round % 2 == 0 ? application.version() : null;
            Actor staff = Actor.of(logins.viewer(Role.CENTER_STAFF));
            Actor admin = Actor.of(logins.viewer(Role.CENTER_ADMIN));
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<String>> decisions = List.of(
                        () -> {
                            start.await();
                            return applications.approve(staff, application.id(), new ProgramApplications.Approval(
                                    null, null, null, seen)).state().name();
                        },
                        () -> {
                            start.await();
                            return applications.reject(admin, application.id(), new Refusal(
                                    "書類不備", null, seen)).state().name();
                        });
                List<Future<String>> futures = new ArrayList<>();
                decisions.forEach(d -> futures.add(pool.submit(d)));
                start.countDown();
                int won = 0;
                int lost = 0;
                for (Future<String> future : futures) {
                    try {
                        future.get();
                        won++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        Throwable cause = e.getCause();
                        boolean conflict = cause instanceof OptimisticLockException
                                || cause instanceof InochiException inochi && inochi.type().status() == 409;
                        assertEquals(true, conflict, "the loser gets a 409-kind refusal, not " + cause);
                        lost++;
                    }
                }
                assertEquals(1, won);
                assertEquals(1, lost);
                assertEquals(1, Sql.queryForLong("SELECT count(*) FROM lifecycle_event WHERE subject_type = 'PROGRAM_APPLICATION' "
                        + "AND subject_id = ? AND action IN ('approve', 'reject')", application.id()));
                assertEquals(0, Sql.queryForLong("SELECT count(*) FROM eligibility_override WHERE program_application_id = ?",
                        application.id()));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void overHttpTheSecondDecisionOnTheSameVersionGets409AndNamesTheProblem() {
        ProgramApplication application = underReview();
        Map<String, Object> approval = Map.of("version", application.version());
        http.toBlocking().exchange(logins.as(Role.CENTER_STAFF,
                HttpRequest.POST("/api/program-applications/" + application.id() + "/approve", approval)), Map.class);
        var second = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class, () ->
                http.toBlocking().exchange(logins.as(Role.CENTER_ADMIN, HttpRequest.POST("/api/program-applications/"
                        + application.id() + "/reject", Map.of("reason", "書類不備", "version", application.version()))), Map.class));
        assertEquals(HttpStatus.CONFLICT, second.getStatus());
        assertEquals("urn:inochi:problem:concurrent-modification", second.getResponse().getBody(Map.class).orElseThrow().get("type"));
    }
}
