package jp.inochi.testruns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.inochi.devices.DeviceCondition;
import jp.inochi.followups.model.FollowUpPolicy;
import jp.inochi.households.Household;
import jp.inochi.lifecycle.Actor;
import jp.inochi.loans.Loan;
import jp.inochi.loans.LoanReturns;
import jp.inochi.loans.model.ReturnReason;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.platform.time.JapaneseDates;
import jp.inochi.reminders.outbox.OutboxDelivery;
import jp.inochi.testruns.model.TestRunPolicy;
import jp.inochi.testsupport.FamilyBrowser;
import jp.inochi.testsupport.MailText;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLoans;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 15: once a month (schedules/test-runs.yml) the family of a running loan is asked by email to try the
 * generator, with two one-click replies; a problem opens a follow-up due per schedules/follow-ups.yml.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonthlyTestRunReminderTest implements TestPropertyProvider {
    private static final LocalDate START = LocalDate.of(2026, 3, 2);
    private static final YearMonth MONTH = YearMonth.of(2026, 9);
    private static final Pattern OK_LINK = Pattern.compile(
            "■ 正常に動いた[\\s　]+http://localhost:8080(/family/links/test-runs/[A-Za-z0-9_.-]+)");
    private static final Pattern PROBLEM_LINK = Pattern.compile(
            "■ 問題があった[^\\n]*[\\s　]+http://localhost:8080(/family/links/test-runs/[A-Za-z0-9_.-]+)");

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final List<Long> households = new ArrayList<>();

    @Inject
    MonthlyTestRunAsks asks;

    @Inject
    OutboxDelivery delivery;

    @Inject
    TestRunPolicy policy;

    @Inject
    FollowUpPolicy followUpPolicy;

    @Inject
    LoanReturns returns;

    @Inject
    TestLoans testLoans;

    @Inject
    TestHouseholds testHouseholds;

    @Inject
    MovableClock clock;

    @Inject
    @Client("/")
    HttpClient http;

    private String activeEmail;
    private Loan active;
    private Loan returning;
    private Loan ended;
    private Loan noConsent;
    private Loan noAddress;

    @Override
    public Map<String, String> getProperties() {
        smtp.start();
        return Map.of("javamail.properties.mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @BeforeAll
    void loans() throws Exception {
        at(START, 10);
        String run = Long.toString(System.nanoTime());
        activeEmail = "test-run-active-" + run + "@example.jp";
        active = loanFor(activeEmail);
        returning = loanFor("test-run-returning-" + run + "@example.jp");
        ended = loanFor("test-run-ended-" + run + "@example.jp");
        noConsent = loanFor("test-run-no-consent-" + run + "@example.jp");
        noAddress = testLoans.loanStartedOn(testHouseholds.living("43203", true), START);
        households.add(noAddress.householdId());
        Sql.update("UPDATE household SET email_contact_consent = false WHERE id = ?", noConsent.householdId());
        LocalDate opened = MONTH.atDay(1);
        at(opened, 10);
        returns.openReturn(Actor.SYSTEM, returning.id(),
                new LoanReturns.ReturnRequest(ReturnReason.WEANED_OFF_VENTILATOR, null, opened, null));
        returns.openReturn(Actor.SYSTEM, ended.id(),
                new LoanReturns.ReturnRequest(ReturnReason.WEANED_OFF_VENTILATOR, null, opened, null));
        returns.receiveDevice(Actor.SYSTEM, ended.id(),
                new LoanReturns.DeviceReceipt(opened, DeviceCondition.GOOD, null, null));
    }

    private Loan loanFor(String email) {
        Household household = testHouseholds.withGuardian(testHouseholds.living("43203", true), email);
        households.add(household.id());
        return testLoans.loanStartedOn(household, START);
    }

    private void at(LocalDate day, int hour) {
        clock.set(ZonedDateTime.of(day, LocalTime.of(hour, 0), JapanTime.ZONE).toInstant());
    }

    /** The job's run at the clock's instant, then the outbox's delivery; other classes' families are not emailed. */
    private MonthlyTestRunAsks.AskReport runAndDeliver() throws Exception {
        MonthlyTestRunAsks.AskReport report = asks.run(clock.instant());
        String mine = String.join(",", households.stream().map(String::valueOf).toList());
        Sql.update("DELETE FROM outbox_message WHERE kind = 'test-run.monthly' AND state = 'PENDING' "
                + "AND household_id NOT IN (" + mine + ")");
        delivery.deliverReady();
        return report;
    }

    private List<MimeMessage> to(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
                found.add(message);
            }
        }
        return found;
    }

    private long testRuns(Loan loan) throws Exception {
        return Sql.queryForLong("SELECT count(*) FROM test_run WHERE loan_id = ?", loan.id());
    }

    private static String link(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), text);
        return matcher.group(1);
    }

    @Test
    @Order(1)
    void theMonthlyEmailReachesARunningLoanOnlyOnceAndEachReplyIsRecordedAndAProblemOpensAFollowUp() throws Exception {
        LocalDate sendOn = policy.sendOn(MONTH);
        at(sendOn.minusDays(1), 12);
        assertNull(runAndDeliver().month(), "nothing is asked before the month's send day");
        assertEquals(0, testRuns(active));

        at(sendOn, 10);
        runAndDeliver();
        List<MimeMessage> received = to(activeEmail);
        assertEquals(1, received.size());
        assertTrue(received.get(0).getSubject().contains("試運転のお願い"), received.get(0).getSubject());
        String text = MailText.part(received.get(0), "text/plain");
        assertTrue(text.contains(JapaneseDates.withGregorian(policy.testOn(MONTH)) + "ごろまでに"), text);
        assertTrue(MailText.part(received.get(0), "text/html").contains("問題があった"));
        String ok = link(OK_LINK, text);
        String problem = link(PROBLEM_LINK, text);

        for (Loan notAsked : List.of(returning, ended, noConsent, noAddress)) {
            assertEquals(0, testRuns(notAsked), "no test run asked of loan " + notAsked.id());
        }
        assertEquals(1, smtp.getReceivedMessages().length, "only the running loan's family with consent and an address");

        at(sendOn, 15);
        runAndDeliver();
        at(sendOn.plusDays(3), 10);
        runAndDeliver();
        assertEquals(1, to(activeEmail).size(), "a re-run sends no duplicate");
        assertEquals(1, testRuns(active));

        FamilyBrowser family = new FamilyBrowser(http);
        LocalDate answeredOn = sendOn.plusDays(4);
        at(answeredOn, 19);
        FamilyBrowser.Page worked = family.open(ok);
        assertEquals(200, worked.status());
        assertTrue(worked.html().contains("ご回答ありがとうございます"), worked.html());
        assertTrue(worked.html().contains("試運転の結果：正常に動いた"), worked.html());
        assertEquals("OK", Sql.queryForText("SELECT answer FROM test_run WHERE loan_id = ?", active.id()));
        FamilyBrowser.Page again = family.open(ok);
        assertTrue(again.html().contains("すでに"), again.html());
        assertEquals(0, followUps(active), "working normally opens no follow-up");

        FamilyBrowser.Page broken = family.open(problem);
        assertEquals(200, broken.status());
        assertTrue(broken.html().contains("試運転の結果：問題があった"), broken.html());
        assertTrue(broken.html().contains("name=\"description\""), "the page asks for an optional description");
        assertEquals("PROBLEM", Sql.queryForText("SELECT answer FROM test_run WHERE loan_id = ?", active.id()));
        assertEquals(1, followUps(active));
        assertEquals("FAMILY_REPORTED_TEST_RUN_PROBLEM", Sql.queryForText(
                "SELECT reasons FROM follow_up WHERE loan_id = ? AND test_run_id IS NOT NULL", active.id()));
        assertEquals(answeredOn.plusDays(followUpPolicy.dueInDays()).toString(), Sql.queryForText(
                "SELECT due_on::text FROM follow_up WHERE loan_id = ? AND test_run_id IS NOT NULL", active.id()));

        FamilyBrowser.Page described = family.submit(problem, Map.of("description", "エンジンがかからなかった"));
        assertEquals(200, described.status());
        assertTrue(described.html().contains("問題の様子を受け付けました"), described.html());
        assertEquals("エンジンがかからなかった", Sql.queryForText(
                "SELECT problem_description FROM test_run WHERE loan_id = ?", active.id()));
        assertTrue(family.open(problem).html().contains("すでに"), "a second click says it is recorded");
        assertEquals(1, followUps(active), "one follow-up per problem");
        assertTrue(family.open(ok).html().contains("センターで装置を確認するまで"), "the problem stays recorded");
    }

    @Test
    @Order(2)
    void aTamperedOrExpiredReplyLinkIsRefusedInJapaneseAndAudited() throws Exception {
        Loan loan = loanFor("test-run-refused-" + System.nanoTime() + "@example.jp");
        YearMonth month = MONTH.plusMonths(1);
        at(policy.sendOn(month), 10);
        runAndDeliver();
        List<MimeMessage> received = to(Sql.queryForText(
                "SELECT email FROM guardian WHERE household_id = ?", loan.householdId()));
        assertEquals(1, received.size());
        String problem = link(PROBLEM_LINK, MailText.part(received.get(0), "text/plain"));
        FamilyBrowser family = new FamilyBrowser(http);
        long refusalsBefore = refusals();

        String tampered = problem.substring(0, problem.length() - 2) + (problem.endsWith("AA") ? "BB" : "AA");
        FamilyBrowser.Page forged = family.open(tampered);
        assertEquals(400, forged.status());
        assertTrue(forged.html().contains("このリンクは正しくありません"), forged.html());

        clock.advance(Duration.ofDays(policy.linksValidDays() + 1));
        FamilyBrowser.Page expired = family.open(problem);
        assertEquals(410, expired.status());
        assertTrue(expired.html().contains("このリンクの有効期限が過ぎています"), expired.html());
        assertNull(Sql.queryForText("SELECT answer FROM test_run WHERE loan_id = ?", loan.id()), "nothing recorded");
        assertEquals(refusalsBefore + 2, refusals());
    }

    private static long followUps(Loan loan) throws Exception {
        return Sql.queryForLong("SELECT count(*) FROM follow_up WHERE loan_id = ? AND test_run_id IS NOT NULL", loan.id());
    }

    private static long refusals() throws Exception {
        return Sql.queryForLong("SELECT count(*) FROM audit_log WHERE action = 'REFUSED' "
                + "AND resource = '/family/links/test-runs/{token}'");
    }
}
