package jp.inochi.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.inochi.households.Household;
import jp.inochi.loans.Loan;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.reminders.model.NotSentBecause;
import jp.inochi.reminders.model.Recipient;
import jp.inochi.reminders.model.ReminderState;
import jp.inochi.reminders.outbox.OutboxDelivery;
import jp.inochi.testsupport.MailText;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.SharedOutbox;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLoans;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One email per family per day, whatever is due; no email without consent or an address, and the center is told
 * to call instead; a reminder missed while every instance was down is sent once, late.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DigestAndConsentTest implements TestPropertyProvider {
    private static final LocalDate START = LocalDate.of(2025, 11, 10);

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @Inject
    ReminderSweep sweep;

    @Inject
    OutboxDelivery delivery;

    @Inject
    ReminderRepository reminders;

    @Inject
    TestLoans testLoans;

    @Inject
    TestHouseholds households;

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

    private void runDay(LocalDate day) {
        clock.set(ZonedDateTime.of(day, LocalTime.of(9, 0), JapanTime.ZONE).toInstant());
        sweep.run(clock.instant());
        delivery.deliverReady();
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

    private Loan loan(String email, boolean consent) throws Exception {
        Household household = households.living("43203", true);
        if (email != null) {
            households.withGuardian(household, email);
        }
        if (!consent) {
            Sql.update("UPDATE household SET email_contact_consent = false WHERE id = ?", household.id());
        }
        return testLoans.loanStartedOn(household, START);
    }

    @BeforeEach
    void setAsideWhatOtherClassesLeft() throws Exception {
        SharedOutbox.setAsideWhatOtherClassesLeft();
    }

    /** The staff digest that told the center about this reminder: today's, or tomorrow's if today's had gone out. */
    private MimeMessage staffDigestAbout(Reminder reminder, LocalDate day) throws Exception {
        for (LocalDate d = day; !d.isAfter(day.plusDays(1)); d = d.plusDays(1)) {
            runDay(d);
            Long digest = reminders.findById(reminder.id()).orElseThrow().staffDigestId();
            if (digest != null && "SENT".equals(Sql.queryForText("SELECT state FROM outbox_message WHERE id = ?", digest))) {
                String subject = Sql.queryForText("SELECT subject FROM outbox_message WHERE id = ?", digest);
                for (MimeMessage message : to("info@kumamoto-children.net")) {
                    if (message.getSubject().equals(subject)) {
                        return message;
                    }
                }
            }
        }
        throw new AssertionError("no staff digest told the center about reminder " + reminder.id());
    }

    @Test
    void aFamilyWithTwoThingsDueOnTheSameDayGetsOneEmail() throws Exception {
        String email = "two-items-" + System.nanoTime() + "@example.jp";
        Loan loan = loan(email, true);
        // the yearly check falls due 30 days after 2026-05-03, the day the plan is 7 days from its deadline
        Sql.update("UPDATE loan SET next_check_due = DATE '2026-06-02' WHERE id = ?", loan.id());
        runDay(LocalDate.of(2026, 5, 3));

        List<MimeMessage> received = to(email);
        assertEquals(1, received.size());
        assertEquals("【熊本県医療的ケア児支援センター】期限が近いお手続きのお知らせ（2件）", received.get(0).getSubject());
        String text = MailText.part(received.get(0), "text/plain");
        assertTrue(text.contains("■ 個別避難計画の作成申請の期限が近づいています"), text);
        assertTrue(text.contains("■ 年に1回の装置の確認（点検）の時期が近づいています"), text);
        assertTrue(text.contains("令和8年6月2日（2026年6月2日）（あと30日）"), text);
        // the center's own 30-days-before reminder of the check (issue 15) goes to the staff digest, not to the family
        List<Reminder> sheet = reminders.findByLoan(loan.id()).stream().filter(r -> r.recipient() == Recipient.FAMILY).toList();
        assertEquals(2, sheet.size());
        assertTrue(sheet.stream().allMatch(r -> r.state() == ReminderState.SENT));
        assertEquals(1, sheet.stream().map(Reminder::messageId).distinct().count(), "both in the same digest");
    }

    @Test
    void aReminderMissedWhileEveryInstanceWasDownIsSentOnceLateAndOnlyTheLatest() throws Exception {
        String email = "caught-up-" + System.nanoTime() + "@example.jp";
        Loan loan = loan(email, true);
        runDay(LocalDate.of(2026, 4, 20));
        List<Reminder> sheet = reminders.findByLoan(loan.id());
        assertEquals(1, sheet.size(), "not the 60-day reminder as well");
        assertEquals("evacuation-plan/family/30-days-before", sheet.get(0).ruleId());
        assertEquals(LocalDate.of(2026, 4, 10), sheet.get(0).sendOn());
        assertEquals(LocalDate.of(2026, 4, 20), sheet.get(0).sweptOn());
        List<MimeMessage> received = to(email);
        assertEquals(1, received.size());
        assertTrue(MailText.part(received.get(0), "text/plain").contains("（あと20日）"));
        runDay(LocalDate.of(2026, 4, 21));
        assertEquals(1, to(email).size());
    }

    @Test
    void aFamilyWithoutEmailConsentIsNotEmailedAndTheCenterIsToldToCall() throws Exception {
        String email = "no-consent-" + System.nanoTime() + "@example.jp";
        Loan loan = loan(email, false);
        LocalDate day = LocalDate.of(2026, 3, 11);
        runDay(day);
        assertEquals(0, to(email).size());
        Reminder reminder = reminders.findByLoan(loan.id()).get(0);
        assertEquals(ReminderState.NOT_EMAILED, reminder.state());
        assertEquals(NotSentBecause.NO_CONSENT, reminder.notSentBecause());
        assertEquals(0, Sql.queryForLong("SELECT count(*) FROM outbox_message WHERE household_id = ?", loan.householdId()),
                "no family email is even queued");

        String text = MailText.part(staffDigestAbout(reminder, day), "text/plain");
        assertTrue(text.contains("■ メールでお知らせできなかったご家族"), text);
        assertTrue(text.contains("世帯 " + loan.householdId() + "／貸与 " + loan.id() + "／人吉市　理由: "
                + NotSentBecause.NO_CONSENT.label()), text);
    }

    @Test
    void aFamilyWithoutAnAddressIsNotEmailedEither() throws Exception {
        Loan loan = loan(null, true);
        runDay(LocalDate.of(2026, 3, 11));
        Reminder reminder = reminders.findByLoan(loan.id()).get(0);
        assertEquals(ReminderState.NOT_EMAILED, reminder.state());
        assertEquals(NotSentBecause.NO_ADDRESS, reminder.notSentBecause());
    }

    @Test
    void consentWithdrawnBetweenTheSweepAndTheSendStopsTheEmail() throws Exception {
        String email = "withdrawn-" + System.nanoTime() + "@example.jp";
        Loan loan = loan(email, true);
        LocalDate day = LocalDate.of(2026, 3, 11);
        clock.set(ZonedDateTime.of(day, LocalTime.of(6, 5), JapanTime.ZONE).toInstant());
        sweep.run(clock.instant());
        Sql.update("UPDATE household SET email_contact_consent = false WHERE id = ?", loan.householdId());
        runDay(day);
        assertEquals(0, to(email).size());
        Reminder reminder = reminders.findByLoan(loan.id()).get(0);
        assertEquals(ReminderState.NOT_EMAILED, reminder.state());
        assertNotNull(reminder.messageId());
        assertEquals("CANCELLED", Sql.queryForText("SELECT state FROM outbox_message WHERE id = ?", reminder.messageId()));
        assertTrue(MailText.part(staffDigestAbout(reminder, day), "text/plain")
                .contains("世帯 " + loan.householdId() + "／貸与 " + loan.id()));
    }

    @Test
    void staffAreAlertedFourteenDaysAfterAnUnappliedPlanDeadlineWithoutNames() throws Exception {
        String email = "staff-alert-" + System.nanoTime() + "@example.jp";
        Loan loan = loan(email, true);
        LocalDate day = LocalDate.of(2026, 5, 24);
        clock.set(ZonedDateTime.of(day, LocalTime.of(6, 5), JapanTime.ZONE).toInstant());
        sweep.run(clock.instant());
        Reminder alert = reminders.findByLoan(loan.id()).stream().filter(r -> r.recipient() == Recipient.STAFF)
                .findFirst().orElseThrow();
        assertEquals("evacuation-plan/staff/14-days-after", alert.ruleId());
        // the staff digest carrying it: today's (or tomorrow's, if another test already sent today's)
        MimeMessage digest = null;
        for (LocalDate d = day; digest == null && !d.isAfter(day.plusDays(1)); d = d.plusDays(1)) {
            runDay(d);
            Reminder now = reminders.findById(alert.id()).orElseThrow();
            if (now.state() == ReminderState.SENT) {
                String subject = Sql.queryForText("SELECT subject FROM outbox_message WHERE id = ?", now.messageId());
                for (MimeMessage message : to("info@kumamoto-children.net")) {
                    if (message.getSubject().equals(subject)) {
                        digest = message;
                    }
                }
            }
        }
        assertNotNull(digest, "the alert went out in a staff digest");
        String text = MailText.part(digest, "text/plain");
        assertTrue(text.contains("■ 新たな期限超過"), text);
        assertTrue(text.contains("個別避難計画の作成申請　期限 令和8年5月10日（2026年5月10日）"), text);
        assertTrue(text.contains("世帯 " + loan.householdId() + "／貸与 " + loan.id() + "／人吉市"), text);
        assertTrue(!text.contains("ひかり") && !text.contains(email), "no names or addresses in the staff email");
    }
}
