package jp.inochi.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.inochi.households.Household;
import jp.inochi.loans.Loan;
import jp.inochi.loans.TermsAcceptances;
import jp.inochi.loans.Loans;
import jp.inochi.loans.TermsAcceptance;
import jp.inochi.loans.TermsAcceptanceState;
import jp.inochi.loans.TermsChannel;
import jp.inochi.loans.model.TermsOfLoan;
import jp.inochi.reminders.outbox.OutboxDelivery;
import jp.inochi.testsupport.FamilyBrowser;
import jp.inochi.testsupport.MailText;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLoans;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Terms sent again by email (seed 000, line 538: the family accepts running costs and repair liability) reach the
 * family through the outbox with a link; the family agrees there with the name of the person agreeing, once, and the
 * loan records the acceptance. A request replaced by a newer one is neither emailed nor accepted.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TermsByEmailTest implements TestPropertyProvider {
    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/family/links/[A-Za-z0-9_.-]+)");

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @Inject
    Loans loans;
    @Inject
    TermsAcceptances termsAcceptances;
    @Inject
    OutboxDelivery delivery;
    @Inject
    TestLoans testLoans;
    @Inject
    TestHouseholds households;
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

    private Loan loanStartedOn(LocalDate start) {
        Household household = households.withGuardian(households.living("43203", true), "guardian-" + System.nanoTime() + "@example.jp");
        Loan loan = testLoans.loanStartedOn(household, start);
        clock.setDate(start.plusDays(10));
        return loan;
    }

    private TermsAcceptance sendByEmail(Loan loan, String to) {
        return termsAcceptances.resendTerms(testLoans.staff(), loan.id(), new TermsAcceptances.TermsResend(TermsChannel.EMAIL, to, null));
    }

    /** The loan's request with this id, as the loan records it now. */
    private TermsAcceptance request(Loan loan, long id) {
        return loans.termsAcceptances(loan.id()).stream().filter(t -> t.id() == id).findFirst().orElseThrow();
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

    private static String linkIn(MimeMessage message) throws Exception {
        String text = MailText.part(message, "text/plain");
        Matcher link = LINK.matcher(text);
        assertTrue(link.find(), text);
        return link.group(1);
    }

    @Test
    void theFamilyAgreesThroughTheLinkWithTheirNameOnceAndTheLoanRecordsIt() throws Exception {
        Loan loan = loanStartedOn(LocalDate.of(2026, 8, 3));
        String to = "terms-" + System.nanoTime() + "@example.jp";
        TermsAcceptance request = sendByEmail(loan, to);
        delivery.deliverReady();

        List<MimeMessage> received = emailsTo(to);
        assertEquals(1, received.size(), "one email to the address staff gave");
        String text = MailText.part(received.get(0), "text/plain");
        assertTrue(received.get(0).getSubject().contains("貸与条件のご確認"), received.get(0).getSubject());
        assertTrue(text.contains("ひかりさんのご家族様") && !text.contains("熊本 ひかり"), "the child's first name only: " + text);
        assertTrue(text.contains(TermsOfLoan.RUNNING_COSTS) && text.contains(TermsOfLoan.REPAIR_LIABILITY), text);
        assertTrue(MailText.part(received.get(0), "text/html").contains(TermsOfLoan.REPAIR_LIABILITY));
        String link = linkIn(received.get(0));

        FamilyBrowser family = new FamilyBrowser(http);
        FamilyBrowser.Page page = family.open(link);
        assertEquals(HttpStatus.OK.getCode(), page.status());
        assertTrue(page.html().contains(TermsOfLoan.RUNNING_COSTS) && page.html().contains("同意される方のお名前（必須）"),
                page.html());

        // no name: refused on the page, nothing recorded, the link still usable
        FamilyBrowser.Page unnamed = family.submit(link, Map.of("comment", "  "));
        assertEquals(HttpStatus.BAD_REQUEST.getCode(), unnamed.status());
        assertTrue(unnamed.html().contains("同意される方のお名前を入力してください"), unnamed.html());
        assertEquals(TermsAcceptanceState.SENT, request(loan, request.id()).state());

        FamilyBrowser.Page done = family.submit(link, Map.of("comment", "熊本 美咲"));
        assertEquals(HttpStatus.OK.getCode(), done.status(), done.html());
        assertTrue(done.html().contains("同意を受け付けました"), done.html());
        TermsAcceptance accepted = request(loan, request.id());
        assertEquals(TermsAcceptanceState.ACCEPTED, accepted.state());
        assertEquals("熊本 美咲", accepted.acceptedByName());
        assertEquals(LocalDate.of(2026, 8, 13), accepted.acceptedOn());
        assertTrue(accepted.runningCostsAccepted() && accepted.repairLiabilityAccepted());
        assertTrue(loans.timeline(loan.id()).stream().anyMatch(step -> "accept".equals(step.action())
                && step.actorUserId() == null), "the loan's history has the acceptance, by no staff member");
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE subject_type = 'terms_acceptance' "
                + "AND subject_id = ? AND household_id = ?", String.valueOf(request.id()), loan.householdId()));

        FamilyBrowser.Page replay = family.submit(link, Map.of("comment", "熊本 美咲"));
        assertEquals(HttpStatus.CONFLICT.getCode(), replay.status());
    }

    @Test
    void aRequestReplacedByANewerOneIsNotAcceptedThroughItsOldLink() throws Exception {
        Loan loan = loanStartedOn(LocalDate.of(2026, 9, 14));
        String to = "terms-" + System.nanoTime() + "@example.jp";
        TermsAcceptance first = sendByEmail(loan, to);
        delivery.deliverReady();
        String oldLink = linkIn(emailsTo(to).get(0));
        TermsAcceptance second = sendByEmail(loan, to);
        delivery.deliverReady();
        assertEquals(2, emailsTo(to).size());

        FamilyBrowser family = new FamilyBrowser(http);
        assertTrue(family.open(oldLink).html().contains("新しいご案内に置き換えられました"));
        FamilyBrowser.Page old = family.submit(oldLink, Map.of("comment", "熊本 美咲"));
        assertTrue(old.html().contains("新しいご案内に置き換えられました"), old.html());
        assertEquals(TermsAcceptanceState.SUPERSEDED, request(loan, first.id()).state());
        assertEquals(TermsAcceptanceState.SENT, request(loan, second.id()).state());
    }

    @Test
    void aRequestReplacedBeforeItsEmailLeftIsNotEmailed() throws Exception {
        Loan loan = loanStartedOn(LocalDate.of(2026, 10, 5));
        String to = "terms-" + System.nanoTime() + "@example.jp";
        sendByEmail(loan, to);
        termsAcceptances.resendTerms(testLoans.staff(), loan.id(), new TermsAcceptances.TermsResend(TermsChannel.POST, "熊本県人吉市デモ町1-1", null));
        delivery.deliverReady();
        assertEquals(0, emailsTo(to).size(), "the request sent by post replaced the emailed one before it left");
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM outbox_message WHERE kind = 'loan.terms' AND household_id = ? "
                + "AND state = 'CANCELLED'", loan.householdId()));
    }
}
