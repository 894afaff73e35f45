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
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.inochi.evacuationplans.model.ReviewReason;
import jp.inochi.households.Household;
import jp.inochi.loans.Loan;
import jp.inochi.loans.model.Obligation;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.reminders.model.Recipient;
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
 * Issue 14: a saved 個別避難計画 is reviewed at least yearly (12 months after the last save) and at once after any
 * 見直しが必要; the family and the center hear of it on the days of {@code evacuation-plan-review} in
 * schedules/reminders.yml, once, and not after a new version is saved.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanReviewRemindersTest implements TestPropertyProvider {
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

    @Test
    void theFamilyAndTheCenterHearOfTheYearlyReview30DaysAheadOnceAndNotAfterANewVersion() throws Exception {
        String email = "plan-review-yearly-" + System.nanoTime() + "@example.jp";
        Loan loan = loanWithOnly(email);
        savePlan(loan.householdId(), 1, LocalDate.of(2026, 1, 15));
        LocalDate due = LocalDate.of(2027, 1, 15);

        runDay(due.minusDays(31));
        assertTrue(reviewReminders(loan).isEmpty(), "nothing before the policy's day");

        LocalDate day = due.minusDays(30);
        runDay(day);
        assertEquals(List.of("evacuation-plan-review/family/30-days-before", "evacuation-plan-review/staff/30-days-before"),
                reviewReminders(loan).stream().map(Reminder::ruleId).sorted().toList());
        List<MimeMessage> received = to(email);
        assertEquals(1, received.size());
        String text = MailText.part(received.get(0), "text/plain");
        assertTrue(text.contains("個別避難計画の見直しの時期です"), text);
        assertTrue(text.contains("（あと30日）"), text);
        String staff = staffDigestText(day);
        assertTrue(staff.contains("■ 個別避難計画の見直し（市町村別"), staff);
        assertTrue(staff.contains("（あと30日）　世帯 " + loan.householdId() + "／貸与 " + loan.id() + "　年に1回の見直し"), staff);

        runDay(day.plusDays(1));
        assertEquals(1, to(email).size(), "once");
        assertEquals(2, reviewReminders(loan).size(), "the sweep writes nothing twice");

        savePlan(loan.householdId(), 2, due.minusDays(10));
        runDay(due);
        runDay(due.plusDays(30));
        assertEquals(1, to(email).size(), "nothing once the review is done");
        assertEquals(2, reviewReminders(loan).size(), "no reminder for the reviewed plan's old due date");
    }

    @Test
    void aPlanMarked見直しが必要IsToldToTheCenterTheSameDayWithItsReasonByMunicipality() throws Exception {
        Loan loan = loanWithOnly("plan-review-moved-" + System.nanoTime() + "@example.jp");
        savePlan(loan.householdId(), 1, LocalDate.of(2026, 3, 1));
        LocalDate day = LocalDate.of(2026, 6, 10);
        Sql.update("INSERT INTO evacuation_plan_review (household_id, reason, detail, raised_at) VALUES (?, ?, ?, ?)",
                loan.householdId(), ReviewReason.MOVED.name(), "住所が変わりました", at(day, LocalTime.of(7, 0)));

        runDay(day);
        List<Reminder> staffReminders = reviewReminders(loan).stream().filter(r -> r.recipient() == Recipient.STAFF).toList();
        assertEquals(List.of("evacuation-plan-review/staff/on-the-day"), staffReminders.stream().map(Reminder::ruleId).toList());
        assertEquals(day, staffReminders.get(0).dueOn());
        String staff = staffDigestText(day);
        assertTrue(staff.contains("■ 個別避難計画の見直し（市町村別"), staff);
        assertTrue(staff.contains("（本日期限）　世帯 " + loan.householdId() + "／貸与 " + loan.id() + "　見直しが必要: "
                + ReviewReason.MOVED.label()), staff);
        assertTrue(!staff.contains("・" + Obligation.EVACUATION_PLAN_REVIEW.label() + "　期限"), "listed once, by municipality");
    }

    private void runDay(LocalDate day) {
        clock.set(ZonedDateTime.of(day, LocalTime.of(9, 0), JapanTime.ZONE).toInstant());
        sweep.run(clock.instant());
        delivery.deliverReady();
    }

    private static Timestamp at(LocalDate day, LocalTime time) {
        return Timestamp.from(ZonedDateTime.of(day, time, JapanTime.ZONE).toInstant());
    }

    /** A loan with nothing else due: the plan applied, the next check far away. */
    private Loan loanWithOnly(String email) throws Exception {
        Household household = households.living("43203", true);
        households.withGuardian(household, email);
        Loan loan = testLoans.loanStartedOn(household, START);
        Sql.update("UPDATE loan SET plan_applied_on = ?, next_check_due = ? WHERE id = ?", START, LocalDate.of(2031, 1, 1),
                loan.id());
        return loan;
    }

    /** A saved version, as PlanSaving writes it: the next one resolves the open 見直しが必要. */
    private static void savePlan(long householdId, int version, LocalDate on) throws Exception {
        Sql.update("""
                INSERT INTO evacuation_plan_version (household_id, version, state, content, saved_by_name, saved_at)
                VALUES (?, ?, 'DRAFT', '{}'::jsonb, 'テスト職員', ?)""", householdId, version, at(on, LocalTime.of(10, 0)));
        Sql.update("UPDATE evacuation_plan_review SET resolved_by_version = ? WHERE household_id = ? "
                + "AND resolved_by_version IS NULL", version, householdId);
    }

    private List<Reminder> reviewReminders(Loan loan) {
        return reminders.findByLoan(loan.id()).stream().filter(r -> r.obligation() == Obligation.EVACUATION_PLAN_REVIEW).toList();
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

    private String staffDigestText(LocalDate day) throws Exception {
        String subject = Sql.queryForText("SELECT coalesce(max(subject), '') FROM outbox_message "
                + "WHERE kind = 'reminder.staff-digest' AND digest_on = ? AND state = 'SENT'", day);
        for (MimeMessage message : to("info@kumamoto-children.net")) {
            if (message.getSubject().equals(subject)) {
                return MailText.part(message, "text/plain");
            }
        }
        return "";
    }
}
