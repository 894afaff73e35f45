package jp.inochi.followups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.devices.DeviceCondition;
import jp.inochi.followups.model.FollowUpReason;
import jp.inochi.inspections.Inspections;
import jp.inochi.inspections.model.InspectionOutcome;
import jp.inochi.loans.Loan;
import jp.inochi.loans.Loans;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.reminders.ReminderSweep;
import jp.inochi.reminders.outbox.OutboxDelivery;
import jp.inochi.testsupport.MailText;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLoans;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A check's failed condition opens a follow-up that stays on the work list and in the staff digest until done. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowUpFromCheckTest implements TestPropertyProvider {
    private static final LocalDate START = LocalDate.of(2026, 1, 20);
    private static final LocalDate CHECKED = LocalDate.of(2026, 12, 10);

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @Inject
    Inspections inspections;

    @Inject
    FollowUps followUps;

    @Inject
    Loans loans;

    @Inject
    ReminderSweep sweep;

    @Inject
    OutboxDelivery delivery;

    @Inject
    TestLoans testLoans;

    @Inject
    TestLogins logins;

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

    private Inspections.Recorded check(Loan loan, DeviceCondition condition, boolean testRunPassed, boolean fuelSafe) {
        clock.set(ZonedDateTime.of(CHECKED, LocalTime.of(10, 0), JapanTime.ZONE).toInstant());
        return inspections.record(testLoans.staff(), new Inspections.NewInspection(loan.id(), CHECKED, condition,
                testRunPassed, fuelSafe, new BigDecimal("10"), true, true, "試運転でエンジンがかからない", null));
    }

    @Test
    void failedTestRunOpensFollowUpDueInFourteenDays() {
        Loan loan = testLoans.loanStartedOn(START);
        Inspections.Recorded recorded = check(loan, DeviceCondition.GOOD, false, true);
        assertEquals(InspectionOutcome.FOLLOW_UP_NEEDED, recorded.inspection().outcome());
        List<FollowUp> opened = followUps.ofLoan(loan.id());
        assertEquals(1, opened.size());
        FollowUp followUp = opened.get(0);
        assertEquals(List.of(FollowUpReason.FAILED_TEST_RUN), followUp.reasonList());
        assertEquals(CHECKED.plusDays(14), followUp.dueOn());
        assertEquals(recorded.inspection().id(), followUp.inspectionId());
        assertTrue(followUp.open());
        assertEquals(CHECKED.plusDays(14), loans.get(loan.id()).nextCheckDue(), "the next check comes forward");
        assertEquals(CHECKED.plusDays(14), recorded.loan().nextCheckDue());
    }

    @Test
    void aCheckWithNothingWrongOpensNoFollowUpAndTheNextCheckIsAYearLater() {
        Loan loan = testLoans.loanStartedOn(START);
        check(loan, DeviceCondition.GOOD, true, true);
        assertTrue(followUps.ofLoan(loan.id()).isEmpty());
        assertEquals(CHECKED.plusMonths(12), loans.get(loan.id()).nextCheckDue());
    }

    @Test
    void aDamagedDeviceAndUnsafeFuelAreOneFollowUpWithBothReasons() {
        Loan loan = testLoans.loanStartedOn(START);
        check(loan, DeviceCondition.DAMAGED, true, false);
        FollowUp followUp = followUps.ofLoan(loan.id()).get(0);
        assertEquals(List.of(FollowUpReason.DAMAGED_DEVICE, FollowUpReason.UNSAFE_FUEL), followUp.reasonList());
        assertEquals("装置の破損・燃料の保管に問題", followUp.reasonLabels());
    }

    @Test
    void theFollowUpIsOnTheWorkListAndInTheStaffDigestUntilStaffMarkItDone() throws Exception {
        Loan loan = testLoans.loanStartedOn(START);
        check(loan, DeviceCondition.GOOD, false, true);
        long id = followUps.ofLoan(loan.id()).get(0).id();
        String link = "href=\"/follow-ups/" + id + "\"";

        String workList = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.GET("/work-list")));
        assertTrue(workList.contains(link), "on the work list");
        assertTrue(staffDigestOf(CHECKED.plusDays(1)).contains("・要対応 " + id + "「試運転の不良」"), "in the digest");
        assertTrue(staffDigestOf(CHECKED.plusDays(2)).contains("・要対応 " + id + "「"), "again the next day");

        String page = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.GET("/follow-ups/" + id)));
        assertTrue(page.contains("対応済みにする"), page);
        Map<?, ?> done = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.POST("/api/follow-ups/" + id + "/done", Map.of("note", "燃料を入れ替えて試運転し、正常に動いた"))),
                Map.class);
        assertEquals("燃料を入れ替えて試運転し、正常に動いた", done.get("doneNote"));
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE subject_type = 'follow_up' "
                + "AND subject_id = ? AND action = 'TRANSITION'", String.valueOf(id)));

        workList = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.GET("/work-list")));
        assertFalse(workList.contains(link), "gone from the work list");
        String digest = staffDigestOf(CHECKED.plusDays(3));
        assertFalse(digest.contains("・要対応 " + id + "「"), "gone from the digest");
    }

    @Test
    void markingDoneWithoutANoteIsRefusedAndChangesNothing() {
        Loan loan = testLoans.loanStartedOn(START);
        check(loan, DeviceCondition.GOOD, false, true);
        FollowUp followUp = followUps.ofLoan(loan.id()).get(0);
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> followUps.markDone(testLoans.staff(), followUp.id(), new FollowUps.Done(null, " ", null)));
        assertTrue(followUps.get(followUp.id()).open());
    }

    /** The text of the staff digest sent for {@code day} (empty when none went out). */
    private String staffDigestOf(LocalDate day) throws Exception {
        clock.set(ZonedDateTime.of(day, LocalTime.of(9, 0), JapanTime.ZONE).toInstant());
        sweep.run(clock.instant());
        delivery.deliverReady();
        String subject = Sql.queryForText("SELECT coalesce(max(subject), '') FROM outbox_message "
                + "WHERE kind = 'reminder.staff-digest' AND digest_on = ? AND state = 'SENT'", day);
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getSubject().equals(subject)) {
                return MailText.part(message, "text/plain");
            }
        }
        return "";
    }
}
