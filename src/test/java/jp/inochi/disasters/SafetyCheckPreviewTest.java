package jp.inochi.disasters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.inochi.access.Role;
import jp.inochi.households.Household;
import jp.inochi.reminders.outbox.OutboxDelivery;
import jp.inochi.testsupport.Problems;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * No safety-check email goes before the preview was seen and confirmed: the preview shows the email with a family's
 * real values and the right counts; a start without its confirmation, or after the families changed, sends nothing;
 * with it, GreenMail receives exactly the previewed count.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafetyCheckPreviewTest implements TestPropertyProvider {
    private final int port = freePort();
    private final GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Inject
    TestHouseholds households;
    @Inject
    TestLogins logins;
    @Inject
    OutboxDelivery delivery;
    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        smtp.start();
        return Map.of("javamail.properties.mail.smtp.port", String.valueOf(port));
    }

    @AfterAll
    void smtpOff() {
        smtp.stop();
    }

    @Test
    void nothingIsSentBeforeTheConfirmationAndThenExactlyThePreviewedFamilies() throws Exception {
        long tag = System.nanoTime() % 1_000_000;
        double x = 130.9000 + (tag % 500) * 0.0004;
        double y = 32.3000;
        String first = "preview-a-" + tag + "@example.jp";
        String second = "preview-b-" + tag + "@example.jp";
        households.withGuardian(households.living("43511", true, x, y), first);
        households.withGuardian(households.living("43511", true, x + 0.0001, y), second);
        households.living("43511", true, x, y + 0.0001); // no address: to the phone list
        String name = "プレビュー試験 停電 " + tag;
        String square = "{\"type\":\"Polygon\",\"coordinates\":[[[" + (x - 0.0003) + "," + (y - 0.0003) + "],[" + (x + 0.0004)
                + "," + (y - 0.0003) + "],[" + (x + 0.0004) + "," + (y + 0.0004) + "],[" + (x - 0.0003) + "," + (y + 0.0004)
                + "],[" + (x - 0.0003) + "," + (y - 0.0003) + "]]]}";
        long id = ((Number) post("/api/disaster-events", Map.of("name", name, "eventType", "POWER_OUTAGE",
                "area", Map.of("kind", "POLYGON", "geoJson", square))).get("id")).longValue();
        String base = "/api/disaster-events/" + id + "/safety-check";
        Map<String, Object> start = Map.of("replyWithinMinutes", 90, "message", "プレビューの一言");

        Map<String, Object> preview = post(base + "/preview", start);
        assertEquals(3, ((Number) preview.get("households")).intValue());
        assertEquals(2, ((Number) preview.get("emailed")).intValue());
        assertEquals(1, ((Number) preview.get("notEmailed")).intValue());
        assertTrue(Set.of(first, second).contains((String) preview.get("sampleTo")), "a real family's address");
        assertTrue(((String) preview.get("subject")).contains(name));
        assertTrue(((String) preview.get("text")).contains("プレビューの一言"), "the note as the family reads it");

        assertEquals(HttpStatus.BAD_REQUEST, Problems.refused(() -> post(base, start)).getStatus());
        Map<String, Object> wrong = new HashMap<>(start);
        wrong.put("confirmation", "送信1-対象3");
        assertEquals(HttpStatus.CONFLICT, Problems.refused(() -> post(base, wrong)).getStatus());
        delivery.deliverReady();
        assertEquals(0, emailsAbout(name), "nothing before the confirmation");

        Map<String, Object> campaign = post(base, SafetyCheckRequests.confirmed(start, preview));
        assertEquals(1, ((Number) campaign.get("notEmailed")).intValue());
        delivery.deliverReady();
        assertEquals(2, emailsAbout(name), "exactly the previewed count");
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getSubject().contains(name)) {
                assertEquals(preview.get("subject"), message.getSubject());
                assertTrue(List.of(first, second).contains(message.getRecipients(Message.RecipientType.TO)[0].toString()));
            }
        }
    }

    private long emailsAbout(String name) throws Exception {
        long count = 0;
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getSubject() != null && message.getSubject().contains(name)) {
                count++;
            }
        }
        return count;
    }

    private Map<String, Object> post(String path, Object body) {
        return http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.POST(path, body)),
                Argument.mapOf(String.class, Object.class));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
