package jp.inochi.trainings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.inochi.access.Role;
import jp.inochi.households.Household;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.reminders.outbox.OutboxDelivery;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Problems;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLoans;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The training invitation is a mass email: the preview shows the email and the counts, nothing goes before the
 * confirmation, then exactly the previewed families get it; the reminder goes N days before (schedules/trainings.yml);
 * only eligible families are offered and accepted; officers are refused (403, audited); attendee reads are audited.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingInvitationsByEmailTest implements TestPropertyProvider {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final LocalDate HELD_ON = LocalDate.of(2026, 6, 20);

    private final int port = freePort();
    private final GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Inject
    TestHouseholds households;
    @Inject
    TestLoans loans;
    @Inject
    TestLogins logins;
    @Inject
    OutboxDelivery delivery;
    @Inject
    MovableClock clock;
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
    void previewThenNothingBeforeTheConfirmationThenExactlyThePreviewedCountAndTheReminderThreeDaysBefore()
            throws Exception {
        long tag = System.nanoTime() % 1_000_000;
        String first = "training-a-" + tag + "@example.jp";
        String second = "training-b-" + tag + "@example.jp";
        Household a = households.withGuardian(households.living("43511", true), first);
        Household b = households.withGuardian(households.living("43511", true), second);
        Household noAddress = households.living("43511", true);
        Household notApplying = households.withGuardian(households.living("43511", true), "training-x-" + tag + "@example.jp");
        for (Household h : List.of(a, b, noAddress)) {
            loans.approvedProgram(h, TODAY);
        }
        clock.setDate(TODAY);
        long id = ((Number) post("/api/trainings", Map.of("heldOn", HELD_ON.toString(), "startsAt", "13:30",
                "endsAt", "15:30", "place", "研修室 " + tag, "topic", "個別避難計画の作り方", "capacity", 10))
                .get("id")).longValue();
        String base = "/api/trainings/" + id;

        List<Map<String, Object>> candidates = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.GET(base + "/candidates")), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        Set<Long> offered = new java.util.HashSet<>();
        candidates.forEach(c -> offered.add(((Number) c.get("householdId")).longValue()));
        assertTrue(offered.containsAll(List.of(a.id(), b.id(), noAddress.id())));
        assertFalse(offered.contains(notApplying.id()), "the chooser offers only families with a loan or an application");
        assertEquals(HttpStatus.BAD_REQUEST, Problems.refused(() -> post(base + "/invitations/preview",
                Map.of("householdIds", List.of(notApplying.id())))).getStatus());

        Map<String, Object> chosen = Map.of("householdIds", List.of(a.id(), b.id(), noAddress.id()));
        Map<String, Object> preview = post(base + "/invitations/preview", chosen);
        assertEquals(3, ((Number) preview.get("families")).intValue());
        assertEquals(2, ((Number) preview.get("emailed")).intValue());
        assertEquals(1, ((Number) preview.get("notEmailed")).intValue());
        assertTrue(Set.of(first, second).contains((String) preview.get("sampleTo")));
        assertTrue(((String) preview.get("text")).contains("研修室 " + tag), "the place as the family reads it");

        assertEquals(HttpStatus.BAD_REQUEST, Problems.refused(() -> post(base + "/invitations", chosen)).getStatus());
        delivery.deliverReady();
        assertEquals(0, emailsTo(Set.of(first, second), "研修会のご案内"), "nothing before the confirmation");

        Map<String, Object> confirmed = new HashMap<>(chosen);
        confirmed.put("confirmation", preview.get("confirmation"));
        Map<String, Object> invited = post(base + "/invitations", confirmed);
        assertEquals(1, ((Number) invited.get("toCall")).intValue());
        delivery.deliverReady();
        assertEquals(2, emailsTo(Set.of(first, second), "研修会のご案内"), "exactly the previewed count");
        assertEquals(0, emailsTo(Set.of(first, second), "研修会のリマインド"), "the reminder waits for its day");

        clock.set(LocalDateTime.of(2026, 6, 17, 9, 1).atZone(JapanTime.ZONE).toInstant());
        delivery.deliverReady();
        assertEquals(2, emailsTo(Set.of(first, second), "研修会のリマインド"), "three days before, at nine");
    }

    @Test
    void officersAreRefusedAndReadingTheAttendeesIsAuditedAsHouseholdData() throws Exception {
        clock.setDate(TODAY);
        Household h = households.living("43203", true);
        loans.approvedProgram(h, TODAY);
        clock.setDate(TODAY);
        long id = ((Number) post("/api/trainings", Map.of("heldOn", "2026-06-10", "startsAt", "10:00",
                "endsAt", "12:00", "place", "オンライン", "topic", "研修", "capacity", 5)).get("id")).longValue();
        Map<String, Object> preview = post("/api/trainings/" + id + "/invitations/preview", Map.of("householdIds", List.of(h.id())));
        post("/api/trainings/" + id + "/invitations", Map.of("householdIds", List.of(h.id()),
                "confirmation", preview.get("confirmation")));

        assertEquals(HttpStatus.FORBIDDEN, Problems.refused(() -> http.toBlocking().retrieve(
                logins.asOfficerOf("43203", HttpRequest.GET("/api/trainings/" + id)), Map.class)).getStatus());
        assertTrue(Sql.queryForLong("SELECT count(*) FROM audit_log WHERE action = 'REFUSED' "
                + "AND resource LIKE '%/api/trainings/%'") >= 1);

        long before = Sql.queryForLong("SELECT count(*) FROM audit_log WHERE action = 'READ' AND household_id = ? "
                + "AND resource = '/api/trainings/{id}'", h.id());
        http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.GET("/api/trainings/" + id)), Map.class);
        assertEquals(before + 1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE action = 'READ' "
                + "AND household_id = ? AND resource = '/api/trainings/{id}'", h.id()));

        Map<String, Object> answers = Map.of("answers", List.of(Map.of("householdId", h.id(), "attendance", "ATTENDED")));
        assertEquals(HttpStatus.CONFLICT, Problems.refused(() -> post("/api/trainings/" + id + "/attendance", answers))
                .getStatus(), "not before the session");
        clock.setDate(LocalDate.of(2026, 6, 10));
        post("/api/trainings/" + id + "/attendance", answers);
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM training_attendee WHERE session_id = ? "
                + "AND household_id = ? AND attendance = 'ATTENDED'", id, h.id()));
    }

    private long emailsTo(Set<String> addresses, String subjectPart) throws Exception {
        long count = 0;
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getSubject() != null && message.getSubject().contains(subjectPart)
                    && addresses.contains(message.getRecipients(Message.RecipientType.TO)[0].toString())) {
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
