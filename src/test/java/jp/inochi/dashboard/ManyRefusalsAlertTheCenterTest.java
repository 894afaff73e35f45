package jp.inochi.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.access.Users;
import jp.inochi.reminders.outbox.OutboxDelivery;
import jp.inochi.testsupport.Browser;
import jp.inochi.testsupport.MailText;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 16: when one user's refusals within an hour pass the threshold (30 by default), the center is alerted once
 * per user and hour, by email through the outbox (real SMTP) and on the center admin's dashboard, with a link to the
 * audit page filtered to that user.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManyRefusalsAlertTheCenterTest implements TestPropertyProvider {
    private static final String KUMAMOTO_CITY = "43100";
    private static final String YATSUSHIRO = "43202";
    private static final String CENTER_ALERTS = "info@kumamoto-children.net";

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @Inject
    EmbeddedServer server;
    @Inject
    TestHouseholds households;
    @Inject
    TestLogins logins;
    @Inject
    Users users;
    @Inject
    OutboxDelivery delivery;
    @Inject
    MovableClock clock;

    @Override
    public Map<String, String> getProperties() {
        smtp.start();
        return Map.of("javamail.properties.mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @AfterEach
    void backToThePresent() {
        clock.set(Instant.now());
    }

    @Test
    void moreThanThirtyRefusalsInAnHourAlertTheCenterOnceByEmailAndOnTheDashboard() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(500)).plus(Duration.ofMinutes(50));
        clock.set(start);
        long household = households.living(KUMAMOTO_CITY, true).id();
        String username = "prober-" + System.nanoTime();
        long officer = users.create(new Users.NewUser(username, "探索 太郎", TestLogins.PASSWORD, Role.MUNICIPAL_OFFICER,
                YATSUSHIRO, null, null)).id();
        String token = token(username);

        refuse(token, household, 30);
        assertEquals(0, alerts(officer), "thirty refusals are not more than the threshold");
        refuse(token, household, 1);
        assertEquals(1, alerts(officer), "the thirty-first raises the alert");
        refuse(token, household, 20);
        clock.advance(Duration.ofMinutes(20));
        refuse(token, household, 5);
        assertEquals(1, alerts(officer), "once per user and hour, however many more; even in the next clock hour");

        delivery.deliverReady();
        List<MimeMessage> emails = alertsAbout(username);
        assertEquals(1, emails.size());
        String text = MailText.part(emails.get(0), "text/plain");
        assertTrue(text.contains("探索 太郎（ユーザー名 " + username + "、"), text);
        assertTrue(text.contains("1時間に31回"), text);
        assertTrue(text.contains("から"), text);
        assertTrue(text.contains("http://localhost:8080/audit?username=" + username + "&action=REFUSED&from="), text);
        assertTrue(emails.get(0).getSubject().contains(username), emails.get(0).getSubject());

        HttpResponse<String> dashboard = browser().get("/", "Authorization", "Bearer " + logins.bearer(Role.CENTER_ADMIN));
        assertTrue(dashboard.body().contains("拒否が続いている利用者"), dashboard.body());
        assertTrue(dashboard.body().contains(username) && dashboard.body().contains("1時間に <strong>31</strong> 回"),
                dashboard.body());
        assertTrue(dashboard.body().contains("/audit?username=" + username + "&amp;action=REFUSED"), dashboard.body());
        HttpResponse<String> staff = browser().get("/", "Authorization", "Bearer " + logins.bearer(Role.CENTER_STAFF));
        assertFalse(staff.body().contains(username), "who was refused is for those who read the audit log");

        HttpResponse<String> audit = browser().get("/audit?username=" + username + "&action=REFUSED",
                "Authorization", "Bearer " + logins.bearer(Role.CENTER_ADMIN));
        assertTrue(audit.body().contains("value=\"" + username + "\""), audit.body());
        assertTrue(audit.body().contains("<option value=\"REFUSED\" selected=\"selected\">"), audit.body());
    }

    @Test
    void anHourAfterTheAlertTheSameUserCanBeAlertedAgain() throws Exception {
        clock.set(Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(510)));
        long household = households.living(KUMAMOTO_CITY, true).id();
        String username = "prober-again-" + System.nanoTime();
        long officer = users.create(new Users.NewUser(username, "再探索 花子", TestLogins.PASSWORD, Role.MUNICIPAL_OFFICER,
                YATSUSHIRO, null, null)).id();
        String token = token(username);
        refuse(token, household, 31);
        clock.advance(Duration.ofMinutes(61));
        refuse(token, household, 30);
        assertEquals(1, alerts(officer), "the hour before holds only thirty");
        refuse(token, household, 1);
        assertEquals(2, alerts(officer));
    }

    private void refuse(String token, long household, int times) {
        for (int i = 0; i < times; i++) {
            clock.advance(Duration.ofSeconds(1));
            HttpResponse<String> refused = browser().get("/api/households/" + household, "Authorization", "Bearer " + token);
            assertEquals(404, refused.statusCode(), refused.body());
        }
    }

    private static long alerts(long userId) throws Exception {
        return Sql.queryForLong("SELECT count(*) FROM refusal_alert WHERE user_id = ?", userId);
    }

    private List<MimeMessage> alertsAbout(String username) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(CENTER_ALERTS)
                    && message.getSubject().contains(username)) {
                found.add(message);
            }
        }
        return found;
    }

    private String token(String username) {
        HttpResponse<String> response = browser().postJson("/api/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"" + TestLogins.PASSWORD + "\"}");
        assertEquals(200, response.statusCode(), response.body());
        String body = response.body();
        int start = body.indexOf("\"access_token\":\"") + "\"access_token\":\"".length();
        return body.substring(start, body.indexOf('"', start));
    }

    private Browser browser() {
        return new Browser(server.getURI());
    }
}
