package jp.inochi.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import jp.inochi.loans.model.Obligation;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.reminders.model.Recipient;
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
 * The lead times of issue 15: the family hears of the loan end 180 days ahead (time for a municipal subsidy or a
 * purchase) and so does the center; the center hears of a yearly check 30 days ahead, to arrange it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReminderLeadTimesTest implements TestPropertyProvider {
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

    /** Emails this class's tests wrote have ids above this. */
    private long firstMessageId;

    @BeforeEach
    void setAsideWhatOtherClassesLeft() throws Exception {
        SharedOutbox.setAsideWhatOtherClassesLeft();
        firstMessageId = Sql.queryForLong("SELECT coalesce(max(id), 0) FROM outbox_message");
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

    /** A loan with nothing else due: the plan applied, the next check far away. */
    private Loan loanWithOnly(String email, LocalDate nextCheckDue) throws Exception {
        Household household = households.living("43203", true);
        households.withGuardian(household, email);
        Loan loan = testLoans.loanStartedOn(household, START);
        Sql.update("UPDATE loan SET plan_applied_on = ?, next_check_due = ? WHERE id = ?", START, nextCheckDue, loan.id());
        return loan;
    }

    private String staffDigestText(LocalDate day) throws Exception {
        String subject = Sql.queryForText("SELECT coalesce(max(subject), '') FROM outbox_message "
                + "WHERE kind = 'reminder.staff-digest' AND digest_on = ? AND state = 'SENT' AND id > ?", day, firstMessageId);
        for (MimeMessage message : to("info@kumamoto-children.net")) {
            if (message.getSubject().equals(subject)) {
                return MailText.part(message, "text/plain");
            }
        }
        return "";
    }

    @Test
    void familyAndCenterHearOfTheLoanEnd180DaysAhead() throws Exception {
        String email = "loan-end-180-" + System.nanoTime() + "@example.jp";
        Loan loan = loanWithOnly(email, LocalDate.of(2031, 1, 1));
        LocalDate end = loan.maxEndDate();
        runDay(end.minusDays(181));
        assertTrue(reminders.findByLoan(loan.id()).isEmpty(), "nothing the day before");

        LocalDate day = end.minusDays(180);
        runDay(day);
        List<Reminder> sheet = reminders.findByLoan(loan.id());
        assertEquals(List.of("loan-end/family/180-days-before", "loan-end/staff/180-days-before"),
                sheet.stream().map(Reminder::ruleId).sorted().toList());
        List<MimeMessage> received = to(email);
        assertEquals(1, received.size());
        String text = MailText.part(received.get(0), "text/plain");
        assertTrue(text.contains("非常用電源装置の貸与期間の満了が近づいています"), text);
        assertTrue(text.contains("（あと180日）"), text);
        assertTrue(text.contains("日常生活用具の給付"), text);

        String staff = staffDigestText(day);
        assertTrue(staff.contains("■ 期限が近いもの"), staff);
        assertTrue(staff.contains("・" + Obligation.LOAN_TERM_END.label() + "　期限 "), staff);
        assertTrue(staff.contains("（あと180日）　世帯 " + loan.householdId() + "／貸与 " + loan.id()), staff);

        runDay(day.plusDays(1));
        assertEquals(1, to(email).size(), "once");
        assertEquals(2, reminders.findByLoan(loan.id()).size(), "the sweep writes nothing twice");
    }

    @Test
    void theCenterHearsOfAYearlyCheck30DaysAhead() throws Exception {
        LocalDate day = LocalDate.of(2026, 9, 1);
        Loan loan = loanWithOnly("check-30-" + System.nanoTime() + "@example.jp", day.plusDays(30));
        runDay(day);
        List<Reminder> staffReminders = reminders.findByLoan(loan.id()).stream()
                .filter(r -> r.recipient() == Recipient.STAFF).toList();
        assertEquals(List.of("yearly-check/staff/30-days-before"), staffReminders.stream().map(Reminder::ruleId).toList());
        String staff = staffDigestText(day);
        assertTrue(staff.contains("・" + Obligation.YEARLY_CHECK.label() + "　期限 "), staff);
        assertTrue(staff.contains("（あと30日）　世帯 " + loan.householdId() + "／貸与 " + loan.id()), staff);
        assertTrue(!staff.contains("■ 以前にお知らせし、まだ済んでいない期限超過") || !staffDigestText(day.plusDays(1))
                .contains("貸与 " + loan.id() + "／"), "not repeated as overdue before it is due");
    }
}
