package jp.inochi.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.inochi.households.Household;
import jp.inochi.lifecycle.Actor;
import jp.inochi.loans.Loan;
import jp.inochi.loans.LoanReturns;
import jp.inochi.loans.EvacuationPlanSteps;
import jp.inochi.loans.model.PlanStep;
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
 * Acceptance: a loan started on 2025-11-10 yields reminders on exactly the policy's dates, through the real sweep,
 * the real outbox and a real SMTP server, and none once the plan is recorded as applied, even between the sweep and
 * the send.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReminderDatesAcceptanceTest implements TestPropertyProvider {
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
    LoanReturns returns;

    @Inject
    EvacuationPlanSteps planSteps;

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

    /** A loan for a new household whose guardian has this address, with a child whose family name is distinctive. */
    private Loan loanFor(String email) throws Exception {
        Household household = households.withGuardian(households.living("43203", true), email);
        Sql.update("UPDATE household SET child_family_name = '球磨川', child_given_name = 'ひなた<b>&' WHERE id = ?",
                household.id());
        return testLoans.loanStartedOn(household, START);
    }

    /** One day of production: the hourly sweep ran, and by 09:00 the outbox has been delivered. */
    private Map<String, List<MimeMessage>> liveDay(LocalDate day, List<String> addresses) throws Exception {
        clock.set(ZonedDateTime.of(day, LocalTime.of(9, 0), JapanTime.ZONE).toInstant());
        sweep.run(clock.instant());
        delivery.deliverReady();
        Map<String, List<MimeMessage>> received = new LinkedHashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            for (var to : message.getRecipients(Message.RecipientType.TO)) {
                String address = to.toString();
                if (addresses.contains(address)) {
                    received.computeIfAbsent(address, a -> new ArrayList<>()).add(message);
                }
            }
        }
        smtp.purgeEmailFromAllMailboxes();
        return received;
    }

    @Test
    void aLoanStartedOn10November2025IsRemindedOnExactlyThePolicysDatesAndNotAfterThePlanIsApplied() throws Exception {
        String notApplying = "not-applying-" + System.nanoTime() + "@example.jp";
        String applying = "applying-" + System.nanoTime() + "@example.jp";
        Loan open = loanFor(notApplying);
        Loan applied = loanFor(applying);
        assertEquals(LocalDate.of(2026, 5, 10), open.planDeadline());

        Map<String, TreeMap<LocalDate, Integer>> emailDays = Map.of(notApplying, new TreeMap<>(), applying, new TreeMap<>());
        MimeMessage sevenDaysBefore = null;
        for (LocalDate day = START; !day.isAfter(LocalDate.of(2030, 11, 12)); ) {
            if (day.equals(LocalDate.of(2026, 4, 20))) {
                clock.set(ZonedDateTime.of(day, LocalTime.of(8, 0), JapanTime.ZONE).toInstant());
                planSteps.recordPlanStep(testLoans.staff(), applied.id(),
                        new EvacuationPlanSteps.PlanStepRecord(PlanStep.APPLIED_TO_MUNICIPALITY, day, "市役所で申請", null));
            }
            Map<String, List<MimeMessage>> received = liveDay(day, List.of(notApplying, applying));
            for (var entry : received.entrySet()) {
                emailDays.get(entry.getKey()).put(day, entry.getValue().size());
            }
            if (day.equals(LocalDate.of(2026, 5, 3))) {
                sevenDaysBefore = received.get(notApplying).get(0);
            }
            // every day around the deadlines; weekly in between (a reminder missed by a weekly step would still be
            // written, late, and show up below as a wrong date)
            boolean busy = day.isBefore(LocalDate.of(2026, 12, 1)) || day.isAfter(LocalDate.of(2030, 4, 30));
            day = day.plusDays(busy ? 1 : 7);
        }

        Map<LocalDate, Integer> once = new TreeMap<>();
        for (String date : List.of("2026-03-11", "2026-04-10", "2026-05-03", "2026-05-11", "2026-10-11", "2026-11-03",
                "2030-05-14", "2030-08-12", "2030-10-11", "2030-11-03")) {
            once.put(LocalDate.parse(date), 1);
        }
        assertEquals(once, emailDays.get(notApplying), "one email on each of the policy's days, and none on any other");
        Map<LocalDate, Integer> untilApplied = new TreeMap<>(once);
        untilApplied.remove(LocalDate.of(2026, 5, 3));
        untilApplied.remove(LocalDate.of(2026, 5, 11));
        assertEquals(untilApplied, emailDays.get(applying), "no plan reminder after the plan was recorded as applied");

        assertEquals(List.of(
                "evacuation-plan/family/60-days-before 2026-03-11 SENT",
                "evacuation-plan/family/30-days-before 2026-04-10 SENT",
                "evacuation-plan/family/7-days-before 2026-05-03 SENT",
                "evacuation-plan/family/1-days-after 2026-05-11 SENT",
                "evacuation-plan/staff/14-days-after 2026-05-24 SENT",
                "yearly-check/family/30-days-before 2026-10-11 SENT",
                "yearly-check/staff/30-days-before 2026-10-11 SENT",
                "yearly-check/family/7-days-before 2026-11-03 SENT",
                "yearly-check/staff/7-days-after 2026-11-17 SENT",
                "loan-end/family/180-days-before 2030-05-14 SENT",
                "loan-end/staff/180-days-before 2030-05-14 SENT",
                "loan-end/family/90-days-before 2030-08-12 SENT",
                "loan-end/family/30-days-before 2030-10-11 SENT",
                "loan-end/family/7-days-before 2030-11-03 SENT"), sheet(open.id()));
        assertTrue(sheet(applied.id()).stream().noneMatch(line -> line.startsWith("evacuation-plan/")
                && !line.contains("60-days-before") && !line.contains("30-days-before")), String.join("\n", sheet(applied.id())));

        String text = MailText.part(sevenDaysBefore, "text/plain");
        String html = MailText.part(sevenDaysBefore, "text/html");
        assertEquals("【熊本県医療的ケア児支援センター】個別避難計画の作成申請の期限が近づいています", sevenDaysBefore.getSubject());
        assertTrue(text.startsWith("ひなた<b>&さんのご家族様"), text);
        assertTrue(text.contains("期限：令和8年5月10日（2026年5月10日）（あと7日）"), text);
        assertTrue(text.contains("お住まいの市町村の窓口へ、個別避難計画の作成を申請してください"), text);
        assertTrue(text.contains("「市町村に個別避難計画の作成を申請しました」"), text);
        assertTrue(text.contains("/family/links/"), text);
        assertTrue(text.contains("096-373-5653") && text.contains("info@kumamoto-children.net")
                && text.contains("https://kumamoto-children.net/"), text);
        assertFalse(text.contains("球磨川") || html.contains("球磨川"), "the child's first name only");
        assertTrue(html.contains("ひなた&lt;b&gt;&amp;"), html);
        assertFalse(html.contains("ひなた<b>"), "inserted text is escaped in the HTML part");
        assertTrue(html.contains("令和8年5月10日（2026年5月10日）"), html);
        assertTrue(html.contains("href=\"http://localhost:8080/family/links/"), html);
    }

    @Test
    void aPlanAppliedBetweenTheSweepAndTheSendIsNotReminded() throws Exception {
        String email = "applied-at-eight-" + System.nanoTime() + "@example.jp";
        Loan loan = loanFor(email);
        LocalDate day = LocalDate.of(2026, 5, 3);
        clock.set(ZonedDateTime.of(day, LocalTime.of(6, 5), JapanTime.ZONE).toInstant());
        sweep.run(clock.instant());
        Reminder written = reminders.findByLoan(loan.id()).stream()
                .filter(r -> r.recipient() == Recipient.FAMILY).findFirst().orElseThrow();
        assertEquals("evacuation-plan/family/7-days-before", written.ruleId(), "after a long pause, only the latest reminder");
        assertEquals(ReminderState.PENDING, written.state());

        clock.set(ZonedDateTime.of(day, LocalTime.of(8, 0), JapanTime.ZONE).toInstant());
        planSteps.recordPlanStep(testLoans.staff(), loan.id(),
                new EvacuationPlanSteps.PlanStepRecord(PlanStep.APPLIED_TO_MUNICIPALITY, day, null, null));
        assertEquals(Map.of(), liveDay(day, List.of(email)), "nothing sent at 09:00");
        Reminder after = reminders.findById(written.id()).orElseThrow();
        assertEquals(ReminderState.CANCELLED, after.state());
        assertEquals(NotSentBecause.OBLIGATION_DONE, after.notSentBecause());
        assertEquals("CANCELLED", Sql.queryForText("SELECT state FROM outbox_message WHERE id = ?", after.messageId()));
    }

    @Test
    void aLoanWhoseReturnOpenedAfterTheSweepIsNotReminded() throws Exception {
        String email = "returning-" + System.nanoTime() + "@example.jp";
        Loan loan = loanFor(email);
        LocalDate day = LocalDate.of(2026, 4, 10);
        clock.set(ZonedDateTime.of(day, LocalTime.of(6, 5), JapanTime.ZONE).toInstant());
        sweep.run(clock.instant());
        returns.openReturn(Actor.SYSTEM, loan.id(), new LoanReturns.ReturnRequest(ReturnReason.FAMILY_REQUEST, null, day, null));
        assertEquals(Map.of(), liveDay(day, List.of(email)));
        assertEquals(List.of(ReminderState.CANCELLED), reminders.findByLoan(loan.id()).stream().map(Reminder::state).toList());
        assertEquals(NotSentBecause.LOAN_NOT_ACTIVE, reminders.findByLoan(loan.id()).get(0).notSentBecause());
    }

    @Test
    void sweepingTheSameDayAgainWritesNothingTwice() throws Exception {
        String email = "twice-" + System.nanoTime() + "@example.jp";
        Loan loan = loanFor(email);
        LocalDate day = LocalDate.of(2026, 3, 11);
        clock.set(ZonedDateTime.of(day, LocalTime.of(6, 5), JapanTime.ZONE).toInstant());
        sweep.run(clock.instant());
        sweep.run(clock.instant());
        assertEquals(1, reminders.findByLoan(loan.id()).size());
        assertEquals(1, liveDay(day, List.of(email)).get(email).size());
        sweep.run(clock.instant());
        assertEquals(Map.of(), liveDay(day, List.of(email)), "the day's digest went out; a later sweep adds nothing");
        assertEquals(1, reminders.findByLoan(loan.id()).size());
    }

    private List<String> sheet(long loanId) {
        return reminders.findByLoan(loanId).stream()
                .map(r -> r.ruleId() + " " + r.sendOn() + " " + r.state()).toList();
    }

    static List<String> addresses(MimeMessage message) throws Exception {
        return Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
    }
}
