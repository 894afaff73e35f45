package jp.inochi.evacuationplans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.inochi.access.Role;
import jp.inochi.platform.problem.ConflictException;
import jp.inochi.reminders.links.SignedLinks;
import jp.inochi.reminders.outbox.OutboxDelivery;
import jp.inochi.testsupport.HouseholdForms;
import jp.inochi.testsupport.MailText;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 14: staff or the officer send the family their printed plan as a signed, expiring link through the outbox (no
 * attachment); the link opens the PDF without signing in, and a tampered or expired one gets a Japanese page and an
 * audit entry.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanPdfByEmailTest implements TestPropertyProvider {
    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/family/evacuation-plan/[A-Za-z0-9_.-]+\\.pdf)");
    private static final String REFUSED = "SELECT count(*) FROM audit_log WHERE action = 'REFUSED' AND actor_username = 'system'"
            + " AND resource = 'GET /family/evacuation-plan/{token}.pdf'";

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @Inject
    PlanPdfMail mail;
    @Inject
    OutboxDelivery delivery;
    @Inject
    SignedLinks signedLinks;
    @Inject
    TestLogins logins;
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

    @SuppressWarnings("unchecked")
    private long household(String email, boolean emailConsent) {
        Map<String, Object> form = new HashMap<>(HouseholdForms.hitoyoshi());
        form.put("emailContactConsent", emailConsent);
        form.put("guardians", List.of(Map.of("name", "球磨 美咲", "relationship", "母", "email", email, "phone", "0966-22-1111")));
        Map<String, Object> created = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.POST("/api/households", form)), Map.class);
        return ((Number) created.get("id")).longValue();
    }

    private List<MimeMessage> emailsTo(String email) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(email)) {
                found.add(message);
            }
        }
        return found;
    }

    @Test
    void theOfficerEmailsTheFamilyALinkThatOpensThePdfWithoutSigningIn() throws Exception {
        String to = "plan-pdf-" + System.nanoTime() + "@example.jp";
        long id = household(to, true);
        mail.send(logins.viewer(Role.MUNICIPAL_OFFICER, "43203", null), id, "POST " + PlanPdfLinkPage.PATH);
        delivery.deliverReady();

        List<MimeMessage> received = emailsTo(to);
        assertEquals(1, received.size(), "one email to the family");
        MimeMessage email = received.get(0);
        assertTrue(email.getSubject().contains("個別避難計画"), email.getSubject());
        assertFalse(MailText.of(email).contains("%PDF"), "the plan is not attached");
        String text = MailText.part(email, "text/plain");
        Matcher link = LINK.matcher(text);
        assertTrue(link.find(), text);
        assertTrue(text.contains("まで"), "the email says until when the link works: " + text);

        byte[] pdf = http.toBlocking().retrieve(HttpRequest.GET(link.group(1)), byte[].class);
        assertTrue(PlanPrintApiTest.pdfText(pdf).contains("個別避難計画"));
        assertTrue(Sql.queryForLong("SELECT count(*) FROM audit_log WHERE household_id = ? AND action = 'EXPORT' AND resource = ?",
                id, "GET /family/evacuation-plan/{token}.pdf") >= 1, "the family's open is audited");
        assertTrue(Sql.queryForLong("SELECT count(*) FROM audit_log WHERE household_id = ? AND action = 'CREATE' "
                + "AND subject_type = 'outbox_message' AND actor_username <> 'system'", id) >= 1, "the send is audited");
    }

    @Test
    void aTamperedOrExpiredLinkGetsAJapanesePageAndAnAuditEntry() throws Exception {
        long id = household("plan-pdf-refused-" + System.nanoTime() + "@example.jp", true);
        long before = Sql.queryForLong(REFUSED);
        String token = signedLinks.token(PlanPdfLink.ACTION, id, Instant.now().plusSeconds(600));
        int dot = token.indexOf('.');
        String tampered = token.substring(0, dot - 2) + (token.charAt(dot - 2) == 'A' ? "B" : "A") + token.substring(dot - 1);
        HttpClientResponseException forged = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/family/evacuation-plan/" + tampered + ".pdf"), String.class));
        assertEquals(400, forged.getStatus().getCode());
        String page = forged.getResponse().getBody(String.class).orElse("");
        assertTrue(page.contains("このリンクは正しくありません") && page.contains("書き換えられています"), page);

        String expired = signedLinks.token(PlanPdfLink.ACTION, id, Instant.now().minusSeconds(60));
        HttpClientResponseException late = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/family/evacuation-plan/" + expired + ".pdf"), String.class));
        assertEquals(410, late.getStatus().getCode());
        String latePage = late.getResponse().getBody(String.class).orElse("");
        assertTrue(latePage.contains("有効期限が過ぎ"), latePage);
        assertTrue(Sql.queryForLong(REFUSED) >= before + 2, "both refusals are audited");
    }

    @Test
    void aFamilyWithoutConsentToEmailIsNotSentTheLinkAndTheOfficerIsToldWhyInJapanese() throws Exception {
        long id = household("plan-pdf-no-consent-" + System.nanoTime() + "@example.jp", false);
        ConflictException refused = assertThrows(ConflictException.class,
                () -> mail.send(logins.viewer(Role.MUNICIPAL_OFFICER, "43203", null), id, "POST " + PlanPdfLinkPage.PATH));
        assertTrue(refused.getMessage().contains("同意していない"), refused.getMessage());
        assertEquals(0, Sql.queryForLong("SELECT count(*) FROM outbox_message WHERE household_id = ? AND kind = ?",
                id, PlanPdfMail.KIND));
    }
}
