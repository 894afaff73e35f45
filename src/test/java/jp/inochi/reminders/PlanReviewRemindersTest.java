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
import jp.inochi.access.Role;
import jp.inochi.evacuationplans.PlanSaving;
import jp.inochi.evacuationplans.model.EvacuationPlan;
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
import jp.inochi.testsupport.TestLogins;
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

    @Inject
    PlanSaving saving;

    @Inject
    TestLogins logins;

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
    void aPlanMarked見直しが必要IsToldToTheFamilyAndToTheCenterTheSameDayWithItsReasonByMunicipality() throws Exception {
        String email = "plan-review-moved-" + System.nanoTime() + "@example.jp";
        Loan loan = loanWithOnly(email);
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
        List<MimeMessage> received = to(email);
        assertEquals(1, received.size(), "the family hears of it the same day");
        String family = MailText.part(received.get(0), "text/plain");
        assertTrue(family.contains("個別避難計画の見直しの時期です"), family);
        assertTrue(family.contains("本日が期限です"), family);
        assertTrue(family.contains("転居や装置の交換などがあったときに見直します"), family);
    }

    @Test
    void theYearlyReviewFallsDueTwelveMonthsAfterTheSaveByTheCivilCode() throws Exception {
        String email = "plan-review-leap-" + System.nanoTime() + "@example.jp";
        Loan loan = loanWithOnly(email);
        savePlan(loan.householdId(), 1, LocalDate.of(2028, 2, 29));
        // plusMonths(12) from 29 February is 28 February, not 1 March
        LocalDate due = LocalDate.of(2029, 2, 28);
        assertEquals(due.toString(), Sql.queryForText("SELECT due_on::text FROM loan_obligation WHERE loan_id = ? "
                + "AND obligation = 'EVACUATION_PLAN_REVIEW'", loan.id()));
        runDay(due.minusDays(30));
        List<Reminder> family = reviewReminders(loan).stream().filter(r -> r.recipient() == Recipient.FAMILY).toList();
        assertEquals(List.of(due), family.stream().map(Reminder::dueOn).toList());
        assertTrue(MailText.part(to(email).get(0), "text/plain").contains("令和11年2月28日（2029年2月28日）"));
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

    /** A new version saved by center staff on that day (10:00 in Japan): it resolves any open 見直しが必要. */
    private void savePlan(long householdId, int version, LocalDate on) {
        clock.set(at(on, LocalTime.of(10, 0)).toInstant());
        saving.save(logins.viewer(Role.CENTER_STAFF), householdId, version - 1, new PlanSaving.SaveCommand(
                new EvacuationPlan(null, null, null, null, null, null, null, null), List.of(), false), "test");
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
