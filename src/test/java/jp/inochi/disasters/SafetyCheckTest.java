package jp.inochi.disasters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.inochi.access.Role;
import jp.inochi.households.Household;
import jp.inochi.reminders.model.ReminderPolicy;
import jp.inochi.reminders.outbox.OutboxDelivery;
import jp.inochi.testsupport.FamilyBrowser;
import jp.inochi.testsupport.MailText;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The safety-check email through the shared outbox: it waits for the mail server and goes out once; it is given up
 * after the policy's attempts and the family is to be called at once; families the email can't reach are never
 * emailed and are unreached from the start; a family already reached by phone, or an event closed, is not emailed;
 * the email greets the child by first name with four one-click replies; forged and expired links are refused.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafetyCheckTest implements TestPropertyProvider {
    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/family/links/[A-Za-z0-9_.-]+)");
    private static final Instant START = OffsetDateTime.parse("2026-10-01T10:00:00+09:00").toInstant();
    private static final AtomicInteger PLACE = new AtomicInteger();
    private final int port = freePort();
    private GreenMail smtp;

    @Inject
    TestHouseholds households;
    @Inject
    TestLogins logins;
    @Inject
    OutboxDelivery delivery;
    @Inject
    ReminderPolicy policy;
    @Inject
    MovableClock clock;
    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("javamail.properties.mail.smtp.port", String.valueOf(port),
                "javamail.properties.mail.smtp.connectiontimeout", "1000");
    }

    @AfterEach
    void smtpOff() {
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    private void smtpUp() {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    /** A family at a spot of its own in the hills of 五木村, so the test's event covers it alone. */
    private Household family(String email) {
        int n = PLACE.incrementAndGet();
        Household household = households.living("43511", true, 130.8000 + (n % 50) * 0.002, 32.4000 + (n / 50) * 0.002
                + (System.nanoTime() % 1000) * 0.000001);
        return email == null ? household : households.withGuardian(household, email);
    }

    /** A power-outage event over a small square around the family's home, with its safety check started. */
    private long eventWithSafetyCheck(Household household, String name, int replyWithinMinutes) {
        clock.set(START);
        double x = household.longitude();
        double y = household.latitude();
        String square = "{\"type\":\"Polygon\",\"coordinates\":[[[" + (x - 0.0003) + "," + (y - 0.0003) + "],[" + (x + 0.0003)
                + "," + (y - 0.0003) + "],[" + (x + 0.0003) + "," + (y + 0.0003) + "],[" + (x - 0.0003) + "," + (y + 0.0003)
                + "],[" + (x - 0.0003) + "," + (y - 0.0003) + "]]]}";
        Map<String, Object> event = post(Role.CENTER_STAFF, "/api/disaster-events", Map.of("name", name,
                "eventType", "POWER_OUTAGE", "area", Map.of("kind", "POLYGON", "geoJson", square)));
        long id = ((Number) event.get("id")).longValue();
        Map<String, Object> start = Map.of("replyWithinMinutes", replyWithinMinutes);
        Map<String, Object> preview = post(Role.CENTER_STAFF, "/api/disaster-events/" + id + "/safety-check/preview", start);
        post(Role.CENTER_STAFF, "/api/disaster-events/" + id + "/safety-check", SafetyCheckRequests.confirmed(start, preview));
        return id;
    }

    @Test
    void aSafetyCheckWaitsForTheMailServerAndGoesOutOnceItIsBack() throws Exception {
        String email = "retry-" + System.nanoTime() + "@example.jp";
        Household household = family(email);
        long event = eventWithSafetyCheck(household, "再試行試験 " + System.nanoTime(), 4320);
        delivery.deliverReady();
        long message = Sql.queryForLong("SELECT message_id FROM safety_check WHERE event_id = ?", event);
        assertEquals("PENDING", Sql.queryForText("SELECT state FROM outbox_message WHERE id = ?", message));
        assertEquals("AWAITING_REPLY", status(event, household.id()), "waiting for the server is not a reason to call yet");
        smtpUp();
        clock.advance(policy.delivery().retryDelay(1));
        delivery.deliverReady();
        delivery.deliverReady();
        assertEquals(1, emailsTo(email));
        assertEquals("SENT", Sql.queryForText("SELECT email_state FROM safety_check WHERE event_id = ?", event));
        assertEquals(2, Sql.queryForLong("SELECT attempts FROM outbox_message WHERE id = ?", message));
    }

    @Test
    void aSafetyCheckThatNeverGetsThroughIsGivenUpAndTheFamilyIsToBeCalledAtOnce() throws Exception {
        Household household = family("give-up-" + System.nanoTime() + "@example.jp");
        long event = eventWithSafetyCheck(household, "送信失敗試験 " + System.nanoTime(), 4320);
        for (int attempt = 1; attempt <= policy.delivery().maxAttempts(); attempt++) {
            delivery.deliverReady();
            clock.advance(policy.delivery().retryDelay(attempt));
        }
        assertEquals("FAILED", Sql.queryForText("SELECT email_state FROM safety_check WHERE event_id = ?", event));
        assertTrue(clock.instant().isBefore(START.plus(Duration.ofHours(72))), "long before the reply time");
        assertEquals("UNREACHED", status(event, household.id()));
        assertTrue(unreached(event).contains(household.id()));
    }

    @Test
    void familiesTheEmailCannotReachAreNeverEmailedAndAreUnreachedFromTheStart() throws Exception {
        smtpUp();
        Household withoutAddress = family(null);
        long event = eventWithSafetyCheck(withoutAddress, "連絡不可試験 " + System.nanoTime(), 180);
        assertEquals("メールアドレスが登録されていません", Sql.queryForText(
                "SELECT not_emailed_reason FROM safety_check WHERE event_id = ?", event));
        String email = "no-consent-" + System.nanoTime() + "@example.jp";
        Household withoutConsent = family(email);
        Sql.update("UPDATE household SET email_contact_consent = false WHERE id = ?", withoutConsent.id());
        long second = eventWithSafetyCheck(withoutConsent, "同意なし試験 " + System.nanoTime(), 180);
        delivery.deliverReady();
        assertEquals(0, emailsTo(email));
        assertEquals("NOT_EMAILED", Sql.queryForText("SELECT email_state FROM safety_check WHERE event_id = ?", second));
        assertEquals("UNREACHED", status(event, withoutAddress.id()));
        assertEquals("UNREACHED", status(second, withoutConsent.id()));
        assertEquals(0, Sql.queryForLong("SELECT count(*) FROM outbox_message WHERE household_id IN (?, ?) AND kind = 'safety-check'",
                withoutAddress.id(), withoutConsent.id()));
    }

    @Test
    void aFamilyReachedByPhoneBeforeTheEmailGoesOutIsNotEmailedAndAClosedEventSendsNothing() throws Exception {
        smtpUp();
        String reachedEmail = "phoned-" + System.nanoTime() + "@example.jp";
        Household reached = family(reachedEmail);
        long event = eventWithSafetyCheck(reached, "電話先行試験 " + System.nanoTime(), 180);
        post(Role.CENTER_STAFF, "/api/disaster-events/" + event + "/households/" + reached.id() + "/contacts",
                Map.of("method", "PHONE", "outcome", "REACHED", "reply", "SAFE_AT_HOME"));
        String closedEmail = "closed-" + System.nanoTime() + "@example.jp";
        Household closedFamily = family(closedEmail);
        long closed = eventWithSafetyCheck(closedFamily, "終了試験 " + System.nanoTime(), 180);
        post(Role.CENTER_STAFF, "/api/disaster-events/" + closed + "/close", Map.of("reason", "誤って開始したため"));
        delivery.deliverReady();
        assertEquals(0, emailsTo(reachedEmail));
        assertEquals(0, emailsTo(closedEmail));
        assertEquals("送信前に安否を確認できました", Sql.queryForText("SELECT outcome_note FROM outbox_message m "
                + "JOIN safety_check s ON s.message_id = m.id WHERE s.event_id = ?", event));
        assertEquals("CANCELLED", Sql.queryForText("SELECT email_state FROM safety_check WHERE event_id = ?", closed));
        assertEquals("SAFE_AT_HOME", status(event, reached.id()));

        // the family's contacts are read back, and that read is audited
        long auditedBefore = Sql.queryForLong("SELECT count(*) FROM audit_log WHERE household_id = ? AND action = 'READ'",
                reached.id());
        List<Object> contacts = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.GET(
                "/api/disaster-events/" + event + "/households/" + reached.id() + "/contacts")), Argument.listOf(Object.class));
        assertEquals(1, contacts.size());
        assertTrue(contacts.get(0).toString().contains("SAFE_AT_HOME"), contacts.toString());
        assertEquals(auditedBefore + 1, Sql.queryForLong(
                "SELECT count(*) FROM audit_log WHERE household_id = ? AND action = 'READ'", reached.id()));
    }

    @Test
    void theEmailGreetsTheChildByFirstNameWithFourRepliesAndForgedOrExpiredLinksAreRefused() throws Exception {
        smtpUp();
        String email = "content-" + System.nanoTime() + "@example.jp";
        Household household = family(email);
        String name = "台風<第14号> 試験 " + System.nanoTime();
        long event = eventWithSafetyCheck(household, name, 180);
        delivery.deliverReady();
        MimeMessage message = receivedBy(email);
        String text = MailText.part(message, "text/plain");
        String html = MailText.part(message, "text/html");
        assertTrue(text.startsWith("ひかりさんのご家族様"), text);
        assertTrue(!text.contains("熊本 ひかり") && !text.contains("熊本ひかり"), "first name only");
        for (String reply : List.of("無事・在宅を続けます", "避難しました", "電源が必要です", "支援が必要です")) {
            assertTrue(text.contains(reply), reply);
        }
        assertTrue(text.contains("令和8年10月1日（2026年10月1日） 13時00分までにお知らせがない場合は"), text);
        assertTrue(text.contains("096-373-5653") && text.contains("119番"), text);
        assertTrue(html.contains("台風&lt;第14号&gt;") && !html.contains("台風<第14号>"), "escaped in HTML");
        assertTrue(message.getSubject().contains("安否確認"));
        List<String> links = new ArrayList<>();
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            links.add(matcher.group(1));
        }
        assertEquals(4, links.size());
        FamilyBrowser browser = new FamilyBrowser(http);
        String token = links.get(0).substring("/family/links/".length());
        String forged = token.substring(0, token.indexOf('.') + 1) + (token.endsWith("A") ? "B" : "A");
        // the signature's first character: its last one may carry only padding bits, so changing it may change nothing
        String payload = token.substring(0, token.indexOf('.') + 1);
        String signature = token.substring(token.indexOf('.') + 1);
        String flipped = payload + (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);
        assertEquals(400, browser.open("/family/links/" + flipped).status());
        assertEquals(400, browser.submit("/family/links/" + forged, Map.of()).status());
        clock.advance(Duration.ofDays(15));
        FamilyBrowser.Page expired = browser.submit(links.get(0), Map.of());
        assertEquals(410, expired.status());
        assertTrue(expired.html().contains("このリンクの有効期限が過ぎています"));
        assertEquals(0, Sql.queryForLong("SELECT count(*) FROM safety_contact WHERE event_id = ?", event));
    }

    private String status(long event, long household) {
        Map<String, Object> list = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.GET("/api/disaster-events/" + event + "/call-list")), Argument.mapOf(String.class, Object.class));
        for (Object row : (List<?>) list.get("households")) {
            Map<?, ?> map = (Map<?, ?>) row;
            if (((Number) map.get("householdId")).longValue() == household) {
                return (String) ((Map<?, ?>) map.get("safety")).get("status");
            }
        }
        throw new AssertionError("household " + household + " is not in the call list of event " + event);
    }

    private List<Long> unreached(long event) {
        Map<String, Object> list = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.GET("/api/disaster-events/" + event + "/unreached")), Argument.mapOf(String.class, Object.class));
        return ((List<?>) list.get("households")).stream().map(row -> ((Number) ((Map<?, ?>) row).get("householdId")).longValue())
                .toList();
    }

    private long emailsTo(String email) throws Exception {
        long count = 0;
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(email)) {
                count++;
            }
        }
        return count;
    }

    private MimeMessage receivedBy(String email) throws Exception {
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(email)) {
                return message;
            }
        }
        throw new AssertionError("no email to " + email);
    }

    private Map<String, Object> post(Role role, String path, Object body) {
        return http.toBlocking().retrieve(logins.as(role, HttpRequest.POST(path, body)), Argument.mapOf(String.class, Object.class));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
