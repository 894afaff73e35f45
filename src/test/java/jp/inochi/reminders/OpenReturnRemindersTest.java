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
import jp.inochi.devices.DeviceCondition;
import jp.inochi.households.Household;
import jp.inochi.lifecycle.Actor;
import jp.inochi.loans.Loan;
import jp.inochi.loans.LoanReturns;
import jp.inochi.loans.model.ReturnReason;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.reminders.model.NotSentBecause;
import jp.inochi.reminders.model.Recipient;
import jp.inochi.reminders.model.ReminderState;
import jp.inochi.reminders.outbox.OutboxDelivery;
import jp.inochi.testsupport.MailText;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLoans;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 15: once a return is open, the family and the center are reminded (open-return in schedules/reminders.yml,
 * days after the return opened) until the center receives the device.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenReturnRemindersTest implements TestPropertyProvider {
    private static final LocalDate START = LocalDate.of(2025, 11, 10);
    private static final LocalDate OPENED = LocalDate.of(2026, 6, 1);

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @Inject
    ReminderSweep sweep;

    @Inject
    OutboxDelivery delivery;

    @Inject
    ReminderRepository reminders;

    @Inject
    LoanReturns returns;

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

    private void at(LocalDate day, int hour) {
        clock.set(ZonedDateTime.of(day, LocalTime.of(hour, 0), JapanTime.ZONE).toInstant());
    }

    private void runDay(LocalDate day) {
        at(day, 9);
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

    /** A loan whose return opened on {@link #OPENED}, with nothing else due around it. */
    private Loan returning(String email) throws Exception {
        Household household = households.living("43203", true);
        households.withGuardian(household, email);
        Loan loan = testLoans.loanStartedOn(household, START);
        Sql.update("UPDATE loan SET plan_applied_on = ?, next_check_due = ? WHERE id = ?", START,
                LocalDate.of(2026, 11, 10), loan.id());
        at(OPENED, 10);
        returns.openReturn(Actor.SYSTEM, loan.id(),
                new LoanReturns.ReturnRequest(ReturnReason.WEANED_OFF_VENTILATOR, null, OPENED, null));
        return loan;
    }

    private List<String> sheet(long loanId) {
        return reminders.findByLoan(loanId).stream()
                .map(r -> r.ruleId() + " " + r.state()).sorted().toList();
    }

    private List<String> familySheet(long loanId) {
        return reminders.findByLoan(loanId).stream().filter(r -> r.recipient() == Recipient.FAMILY)
                .map(r -> r.ruleId() + " " + r.state()).sorted().toList();
    }

    @Test
    void theFamilyIsRemindedAWeekAfterTheReturnOpenedAndTheCenterTwoWeeksAfter() throws Exception {
        String email = "open-return-" + System.nanoTime() + "@example.jp";
        Loan loan = returning(email);
        runDay(OPENED.plusDays(6));
        assertEquals(List.of(), sheet(loan.id()), "nothing before the policy's first day");

        runDay(OPENED.plusDays(7));
        assertEquals(List.of("open-return/family/7-days-after SENT"), sheet(loan.id()));
        List<MimeMessage> received = to(email);
        assertEquals(1, received.size());
        assertTrue(received.get(0).getSubject().contains("非常用電源装置の返還をお願いします"), received.get(0).getSubject());
        String text = MailText.part(received.get(0), "text/plain");
        assertTrue(text.contains("返還手続きの開始：令和8年6月1日（2026年6月1日）（開始から7日たちました）"), text);
        assertTrue(text.contains("センターへ返還してください"), text);
        assertTrue(MailText.part(received.get(0), "text/html").contains("返還手続きの開始"));

        runDay(OPENED.plusDays(14));
        assertEquals(List.of("open-return/family/7-days-after SENT", "open-return/staff/14-days-after SENT"),
                sheet(loan.id()));
        assertEquals(1, to(email).size(), "the family is not told again before day 21");
    }

    @Test
    void remindersStopOnceTheCenterReceivesTheDevice() throws Exception {
        String email = "received-" + System.nanoTime() + "@example.jp";
        Loan loan = returning(email);
        runDay(OPENED.plusDays(7));
        assertEquals(1, to(email).size());

        // the sweep at 06:05 writes day 21's reminder; the device arrives before the 09:00 digest goes out
        LocalDate day = OPENED.plusDays(21);
        at(day, 6);
        sweep.run(clock.instant());
        assertTrue(familySheet(loan.id()).contains("open-return/family/21-days-after PENDING"), sheet(loan.id()).toString());
        at(day, 8);
        returns.receiveDevice(Actor.SYSTEM, loan.id(),
                new LoanReturns.DeviceReceipt(day, DeviceCondition.GOOD, null, null));
        runDay(day);
        assertEquals(1, to(email).size(), "no reminder once the device is received");
        Reminder late = reminders.findByLoan(loan.id()).stream()
                .filter(r -> r.ruleId().equals("open-return/family/21-days-after")).findFirst().orElseThrow();
        assertEquals(ReminderState.CANCELLED, late.state());
        assertEquals(NotSentBecause.OBLIGATION_DONE, late.notSentBecause());

        runDay(OPENED.plusDays(35));
        assertEquals(1, to(email).size());
        assertEquals(List.of("open-return/family/21-days-after CANCELLED", "open-return/family/7-days-after SENT"),
                familySheet(loan.id()), "nothing new is written after the device is received");
    }
}
