package jp.inochi.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.households.Household;
import jp.inochi.loans.Loan;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Problems;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLoans;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Staff see the outbox, each message's status and text, the reminder sheet and the policy; only they may. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReminderApiTest implements TestPropertyProvider {
    private static final Argument<List<Map<String, Object>>> LIST = Argument.listOf(Argument.mapOf(String.class, Object.class));

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @Inject
    TestLoans testLoans;

    @Inject
    TestHouseholds households;

    @Inject
    TestLogins logins;

    @Inject
    MovableClock clock;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        smtp.start();
        return Map.of("javamail.properties.mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void staffFollowAMessageFromTheSweepToItsDeliveryAndReadingItsTextIsAudited() throws Exception {
        String email = "api-" + System.nanoTime() + "@example.jp";
        Household household = households.withGuardian(households.living("43203", true), email);
        Loan loan = testLoans.loanStartedOn(household, LocalDate.of(2025, 11, 10));
        clock.set(ZonedDateTime.of(LocalDate.of(2026, 3, 11), LocalTime.of(9, 0), JapanTime.ZONE).toInstant());

        Map<?, ?> swept = http.toBlocking().retrieve(logins.as(Role.CENTER_ADMIN,
                HttpRequest.POST("/api/reminders/sweep", Map.of())), Map.class);
        assertEquals("2026-03-11", swept.get("day"));
        List<Map<String, Object>> pending = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.GET("/api/outbox?householdId=" + household.id())), LIST);
        assertEquals(1, pending.size());
        assertEquals("PENDING", pending.get(0).get("state"));
        assertEquals("送信待ち", pending.get(0).get("stateLabel"));
        Number id = (Number) pending.get(0).get("id");
        HttpClientResponseException notYet = Problems.refused(() -> http.toBlocking().exchange(logins.as(Role.CENTER_STAFF,
                HttpRequest.POST("/api/outbox/" + id + "/resend", Map.of()))));
        assertEquals(HttpStatus.CONFLICT, notYet.getStatus());
        assertEquals("PENDING", Problems.body(notYet).get("currentState"));

        HttpClientResponseException staffMayNotForce = Problems.refused(() -> http.toBlocking().exchange(logins.as(
                Role.CENTER_STAFF, HttpRequest.POST("/api/outbox/deliver", Map.of()))));
        assertEquals(HttpStatus.FORBIDDEN, staffMayNotForce.getStatus());
        Map<?, ?> delivered = http.toBlocking().retrieve(logins.as(Role.CENTER_ADMIN,
                HttpRequest.POST("/api/outbox/deliver", Map.of())), Map.class);
        assertTrue(((Number) delivered.get("sent")).intValue() >= 1, delivered.toString());

        List<Map<String, Object>> sent = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.GET("/api/outbox?state=SENT&householdId=" + household.id())), LIST);
        assertEquals(1, sent.size());
        assertEquals(1, ((Number) sent.get(0).get("attempts")).intValue());
        assertFalse(sent.get(0).containsKey("sentTo"), "the list shows no address");
        long audited = Sql.queryForLong("SELECT count(*) FROM audit_log WHERE resource = '/api/outbox/{id}' AND household_id = ?",
                household.id());
        Map<?, ?> detail = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.GET("/api/outbox/" + id)),
                Map.class);
        assertEquals(email, detail.get("sentTo"));
        assertTrue(((String) detail.get("bodyText")).contains("令和8年5月10日（2026年5月10日）"));
        assertEquals("SENT", ((List<Map<?, ?>>) detail.get("attempts")).get(0).get("outcome"));
        assertEquals(audited + 1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE resource = '/api/outbox/{id}' "
                + "AND household_id = ?", household.id()), "reading the text and address is audited");

        List<Map<String, Object>> sheet = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.GET("/api/reminders?loanId=" + loan.id())), LIST);
        assertEquals(1, sheet.size());
        assertEquals("evacuation-plan/family/60-days-before", sheet.get(0).get("ruleId"));
        assertEquals("SENT", sheet.get(0).get("state"));
        assertEquals(id.longValue(), ((Number) sheet.get(0).get("messageId")).longValue());

        HttpClientResponseException municipal = Problems.refused(() -> http.toBlocking().retrieve(
                logins.asOfficerOf("43203", HttpRequest.GET("/api/outbox/" + id)), String.class));
        assertEquals(HttpStatus.FORBIDDEN, municipal.getStatus());
        HttpClientResponseException auditor = Problems.refused(() -> http.toBlocking().retrieve(
                logins.as(Role.AUDITOR, HttpRequest.GET("/api/reminders")), String.class));
        assertEquals(HttpStatus.FORBIDDEN, auditor.getStatus());
    }

    @Test
    void staffCanReadThePolicyAsLoaded() {
        Map<?, ?> policy = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.GET("/api/reminders/policy")),
                Map.class);
        List<Map<?, ?>> rules = (List<Map<?, ?>>) policy.get("rules");
        // 19 before the plan review, which adds family 30/0 days before and 30 after, staff 30/0 before and 14 after
        assertEquals(25, rules.size());
        assertTrue(rules.stream().anyMatch(r -> "evacuation-plan-review/staff/on-the-day".equals(r.get("id"))), rules.toString());
        assertTrue(rules.stream().anyMatch(r -> "open-return/family/7-days-after".equals(r.get("id"))), rules.toString());
        assertTrue(rules.stream().anyMatch(r -> "evacuation-plan/staff/14-days-after".equals(r.get("id"))
                && "期限の14日後".equals(r.get("when"))), rules.toString());
        assertTrue(policy.get("familyDigestAt").toString().startsWith("09:00"), policy.toString());
    }
}
