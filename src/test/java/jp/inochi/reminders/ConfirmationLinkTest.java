package jp.inochi.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.inochi.access.Role;
import jp.inochi.households.Household;
import jp.inochi.loans.Loan;
import jp.inochi.loans.Loans;
import jp.inochi.loans.model.PlanStatus;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.reminders.model.NotSentBecause;
import jp.inochi.reminders.model.ReminderState;
import jp.inochi.reminders.outbox.OutboxDelivery;
import jp.inochi.testsupport.FamilyBrowser;
import jp.inochi.testsupport.MailText;
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
 * The link in a reminder lets the family report the step done, without signing in, once; forged, expired and
 * replayed links get a page that says so. Staff see the report and confirm it, which records the plan step.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfirmationLinkTest implements TestPropertyProvider {
    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/family/links/[A-Za-z0-9_.-]+)");
    private static final LocalDate START = LocalDate.of(2025, 11, 10);

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @Inject
    ReminderSweep sweep;

    @Inject
    OutboxDelivery delivery;

    @Inject
    ReminderRepository reminders;

    @Inject
    FamilyReports reports;

    @Inject
    TestLoans testLoans;

    @Inject
    TestHouseholds households;

    @Inject
    TestLogins logins;

    @Inject
    Loans loans;

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

    private record Sent(Loan loan, String email, MimeMessage message, String linkPath) {
    }

    /** A loan started 2025-11-10 and the reminder its family got on {@code day}, with the link in it. */
    private Sent remindedOn(LocalDate day, String obligationLinkText) throws Exception {
        String email = "link-" + System.nanoTime() + "@example.jp";
        Household household = households.withGuardian(households.living("43203", true), email);
        Loan loan = testLoans.loanStartedOn(household, START);
        at(day, 9, 0);
        sweep.run(clock.instant());
        delivery.deliverReady();
        MimeMessage message = receivedBy(email);
        String text = MailText.part(message, "text/plain");
        int at = text.indexOf(obligationLinkText);
        assertTrue(at >= 0, text);
        Matcher link = LINK.matcher(text.substring(at));
        assertTrue(link.find(), text);
        return new Sent(loan, email, message, link.group(1));
    }

    private MimeMessage receivedBy(String email) throws Exception {
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(email)) {
                return message;
            }
        }
        throw new AssertionError("no email to " + email);
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

    private void at(LocalDate day, int hour, int minute) {
        clock.set(ZonedDateTime.of(day, LocalTime.of(hour, minute), JapanTime.ZONE).toInstant());
    }

    @Test
    void theFamilyReportsThePlanAppliedOnceAndStaffConfirmationRecordsThePlanStep() throws Exception {
        Sent sent = remindedOn(LocalDate.of(2026, 4, 10), "「市町村に個別避難計画の作成を申請しました」");
        FamilyBrowser family = new FamilyBrowser(http);

        FamilyBrowser.Page page = family.open(sent.linkPath());
        assertEquals(HttpStatus.OK.getCode(), page.status());
        assertTrue(page.html().contains("<h1>市町村に個別避難計画の作成を申請しました</h1>"), page.html());
        assertTrue(page.html().contains("令和8年5月10日（2026年5月10日）"), page.html());
        assertTrue(page.html().contains("096-373-5653"), page.html());
        assertEquals(0, reports.search(null, sent.loan().householdId(), 0, 10).size(), "opening the link records nothing");

        FamilyBrowser.Page done = family.submit(sent.linkPath(), Map.of("comment", "4月8日に人吉市役所の<窓口>で申請しました"));
        assertEquals(HttpStatus.OK.getCode(), done.status(), done.html());
        assertTrue(done.html().contains("ご報告を受け付けました"), done.html());
        List<FamilyReport> received = reports.search(null, sent.loan().householdId(), 0, 10);
        assertEquals(1, received.size());
        assertEquals("4月8日に人吉市役所の<窓口>で申請しました", received.get(0).comment());

        FamilyBrowser.Page replay = family.submit(sent.linkPath(), Map.of());
        assertEquals(HttpStatus.CONFLICT.getCode(), replay.status());
        assertTrue(replay.html().contains("このリンクはすでに使われています"), replay.html());
        assertTrue(replay.html().contains("令和8年4月10日（2026年4月10日）"), "says when it was used: " + replay.html());
        assertEquals(1, reports.search(null, sent.loan().householdId(), 0, 10).size(), "nothing applied twice");
        assertEquals(HttpStatus.CONFLICT.getCode(), family.open(sent.linkPath()).status());

        // while staff have not confirmed yet, the next plan reminder is not sent: the family told us
        at(LocalDate.of(2026, 5, 3), 9, 0);
        sweep.run(clock.instant());
        delivery.deliverReady();
        assertEquals(1, emailsTo(sent.email()));
        Reminder sevenDays = reminders.findByLoan(sent.loan().id()).stream()
                .filter(r -> r.ruleId().equals("evacuation-plan/family/7-days-before")).findFirst().orElseThrow();
        assertEquals(ReminderState.CANCELLED, sevenDays.state());
        assertEquals(NotSentBecause.FAMILY_REPORTED, sevenDays.notSentBecause());

        // staff see it, with the child's name, and confirm it with the day the family applied
        List<Map<String, Object>> list = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.GET("/api/family-reports?state=RECEIVED&householdId=" + sent.loan().householdId())),
                io.micronaut.core.type.Argument.listOf(io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
        assertEquals(1, list.size());
        assertEquals("PLAN_APPLIED", list.get(0).get("kind"));
        assertEquals("熊本 ひかり", list.get(0).get("childName"));
        assertTrue(Sql.queryForLong("SELECT count(*) FROM audit_log WHERE resource = '/api/family-reports' "
                + "AND household_id = ?", sent.loan().householdId()) >= 1, "reading reports is audited");
        Number id = (Number) list.get(0).get("id");
        Map<?, ?> confirmed = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.POST(
                "/api/family-reports/" + id + "/confirm", Map.of("on", "2026-04-08", "note", "市に確認済み"))), Map.class);
        assertEquals("CONFIRMED", confirmed.get("state"));
        Loan after = loans.get(sent.loan().id());
        assertEquals(PlanStatus.APPLIED, after.planStatus());
        assertEquals(LocalDate.of(2026, 4, 8), after.planAppliedOn());
        assertTrue(loans.timeline(after.id()).stream().anyMatch(e -> "applied-to-municipality".equals(e.action())
                && e.reason() != null && e.reason().contains("ご家族からの報告")), "the plan step is in the loan's history");

        HttpClientResponseException again = Problems.refused(() -> http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.POST("/api/family-reports/" + id + "/confirm", Map.of()))));
        assertEquals(HttpStatus.CONFLICT, again.getStatus());
        assertEquals("urn:inochi:problem:illegal-transition", Problems.body(again).get("type"));
    }

    @Test
    void aForgedLinkIsRefusedWithAPageThatSaysSo() throws Exception {
        Sent sent = remindedOn(LocalDate.of(2026, 3, 11), "「市町村に個別避難計画の作成を申請しました」");
        FamilyBrowser family = new FamilyBrowser(http);
        String token = sent.linkPath().substring("/family/links/".length());
        String payload = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);

        // another reminder's id in the payload, the genuine signature kept
        String decoded = new String(Base64.getUrlDecoder().decode(payload));
        String[] fields = decoded.split("\\.");
        fields[3] = String.valueOf(Long.parseLong(fields[3]) + 1);
        String otherSubject = Base64.getUrlEncoder().withoutPadding().encodeToString(String.join(".", fields).getBytes());
        String flipped = signature.charAt(0) == 'A' ? "B" + signature.substring(1) : "A" + signature.substring(1);
        for (String forged : List.of(otherSubject + "." + signature, payload + "." + flipped, payload, "x.y",
                "%3Cscript%3E")) {
            FamilyBrowser.Page page = family.open("/family/links/" + forged);
            assertEquals(HttpStatus.BAD_REQUEST.getCode(), page.status(), forged);
            assertTrue(page.html().contains("このリンクは正しくありません"), page.html());
            assertTrue(page.html().contains("096-373-5653"), page.html());
            FamilyBrowser.Page posted = family.submit("/family/links/" + forged, Map.of());
            assertEquals(HttpStatus.BAD_REQUEST.getCode(), posted.status(), forged);
        }
        assertEquals(0, reports.search(null, sent.loan().householdId(), 0, 10).size());
    }

    @Test
    void anExpiredLinkIsRefusedAndSaysWhenItExpired() throws Exception {
        Sent sent = remindedOn(LocalDate.of(2026, 3, 11), "「市町村に個別避難計画の作成を申請しました」");
        FamilyBrowser family = new FamilyBrowser(http);
        at(LocalDate.of(2026, 4, 25), 8, 59);
        assertEquals(HttpStatus.OK.getCode(), family.open(sent.linkPath()).status(), "valid for 45 days");
        at(LocalDate.of(2026, 4, 25), 9, 0);
        FamilyBrowser.Page page = family.open(sent.linkPath());
        assertEquals(HttpStatus.GONE.getCode(), page.status());
        assertTrue(page.html().contains("このリンクの有効期限が過ぎています"), page.html());
        assertTrue(page.html().contains("令和8年4月25日（2026年4月25日） 9:00"), page.html());
        assertEquals(HttpStatus.GONE.getCode(), family.submit(sent.linkPath(), Map.of()).status());
        assertEquals(0, reports.search(null, sent.loan().householdId(), 0, 10).size());
    }

    @Test
    void aCheckRequestIsConfirmedWithWhatWasArranged() throws Exception {
        Sent sent = remindedOn(LocalDate.of(2026, 10, 11), "「点検の日程を希望します」");
        FamilyBrowser family = new FamilyBrowser(http);
        FamilyBrowser.Page page = family.open(sent.linkPath());
        assertTrue(page.html().contains("<h1>点検の日程を希望します</h1>"), page.html());
        String tooLong = "あ".repeat(501);
        FamilyBrowser.Page refused = family.submit(sent.linkPath(), Map.of("comment", tooLong));
        assertEquals(HttpStatus.BAD_REQUEST.getCode(), refused.status());
        assertTrue(refused.html().contains("500文字以内で入力してください（現在501文字）"), refused.html());
        assertEquals(HttpStatus.OK.getCode(), family.submit(sent.linkPath(), Map.of("comment", "平日の午前")).status(),
                "a refused comment does not use up the link");
        FamilyReport report = reports.search(null, sent.loan().householdId(), 0, 10).get(0);

        HttpClientResponseException noNote = Problems.refused(() -> http.toBlocking().retrieve(logins.as(
                Role.CENTER_STAFF, HttpRequest.POST("/api/family-reports/" + report.id() + "/confirm", Map.of()))));
        assertEquals(HttpStatus.BAD_REQUEST, noNote.getStatus());
        assertEquals("ご家族と調整した点検の日程などを記入してください", Problems.fieldErrors(noNote).get("note"));
        Map<?, ?> confirmed = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.POST(
                "/api/family-reports/" + report.id() + "/confirm", Map.of("note", "10月20日 10時に訪問"))), Map.class);
        assertEquals("CONFIRMED", confirmed.get("state"));
        assertEquals("10月20日 10時に訪問", confirmed.get("handledNote"));
    }

    @Test
    void staffCanSetAReportAsideWithAReasonAndMunicipalOfficersCannotSeeReports() throws Exception {
        Sent sent = remindedOn(LocalDate.of(2026, 4, 10), "「市町村に個別避難計画の作成を申請しました」");
        new FamilyBrowser(http).submit(sent.linkPath(), Map.of());
        FamilyReport report = reports.search(null, sent.loan().householdId(), 0, 10).get(0);
        HttpClientResponseException noReason = Problems.refused(() -> http.toBlocking().retrieve(logins.as(
                Role.CENTER_STAFF, HttpRequest.POST("/api/family-reports/" + report.id() + "/dismiss", Map.of()))));
        assertEquals(HttpStatus.BAD_REQUEST, noReason.getStatus());
        Map<?, ?> dismissed = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.POST(
                "/api/family-reports/" + report.id() + "/dismiss", Map.of("reason", "誤って押したとお電話あり"))), Map.class);
        assertEquals("DISMISSED", dismissed.get("state"));
        assertEquals(PlanStatus.NOT_APPLIED, loans.get(sent.loan().id()).planStatus());

        HttpClientResponseException officer = Problems.refused(() -> http.toBlocking().retrieve(
                logins.asOfficerOf("43203", HttpRequest.GET("/api/family-reports")), String.class));
        assertEquals(HttpStatus.FORBIDDEN, officer.getStatus());
        assertNotNull(sent.message());
        assertFalse(sent.linkPath().isEmpty());
    }
}
