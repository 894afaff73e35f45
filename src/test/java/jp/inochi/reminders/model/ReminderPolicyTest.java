package jp.inochi.reminders.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import jp.inochi.loans.model.Obligation;
import org.junit.jupiter.api.Test;

class ReminderPolicyTest {
    private static final Obligation PLAN = Obligation.EVACUATION_PLAN_APPLICATION;
    private static final LocalDate DUE = LocalDate.of(2026, 5, 10);
    private static final ReminderPolicy POLICY = new ReminderPolicy(List.of(
            new ReminderRule(PLAN, Recipient.FAMILY, -60), new ReminderRule(PLAN, Recipient.FAMILY, -30),
            new ReminderRule(PLAN, Recipient.FAMILY, -7), new ReminderRule(PLAN, Recipient.FAMILY, 1),
            new ReminderRule(PLAN, Recipient.STAFF, 14)), LocalTime.of(9, 0), LocalTime.of(8, 30),
            new DeliveryRetries(8, Duration.ofMinutes(1), 2.0, Duration.ofHours(2), Duration.ofMinutes(5), 50), 45, 5000);

    private Optional<Integer> familyOffsetOn(LocalDate day) {
        return POLICY.dueOn(day, PLAN, Recipient.FAMILY, DUE).map(ReminderRule::offsetDays);
    }

    @Test
    void nothingIsDueBeforeTheFirstLeadTime() {
        assertEquals(Optional.empty(), familyOffsetOn(LocalDate.of(2026, 3, 10)));
    }

    @Test
    void eachRuleIsDueFromItsOwnDay() {
        assertEquals(Optional.of(-60), familyOffsetOn(LocalDate.of(2026, 3, 11)));
        assertEquals(Optional.of(-30), familyOffsetOn(LocalDate.of(2026, 4, 10)));
        assertEquals(Optional.of(-7), familyOffsetOn(LocalDate.of(2026, 5, 3)));
        assertEquals(Optional.of(1), familyOffsetOn(LocalDate.of(2026, 5, 11)));
    }

    @Test
    void afterADowntimeOnlyTheLatestMissedReminderIsDue() {
        // every instance down from 2026-03-01 to 2026-04-20: the 60- and 30-day reminders were missed; only the 30-day one is sent
        assertEquals(Optional.of(-30), familyOffsetOn(LocalDate.of(2026, 4, 20)));
    }

    @Test
    void staffRulesAreSeparateFromFamilyRules() {
        assertEquals(Optional.empty(), POLICY.dueOn(LocalDate.of(2026, 5, 23), PLAN, Recipient.STAFF, DUE));
        assertEquals(Optional.of(14), POLICY.dueOn(LocalDate.of(2026, 5, 24), PLAN, Recipient.STAFF, DUE)
                .map(ReminderRule::offsetDays));
    }

    @Test
    void ruleIdsAreReadableAndStable() {
        assertEquals("evacuation-plan/family/60-days-before", new ReminderRule(PLAN, Recipient.FAMILY, -60).id());
        assertEquals("yearly-check/staff/7-days-after", new ReminderRule(Obligation.YEARLY_CHECK, Recipient.STAFF, 7).id());
        assertEquals("loan-end/family/on-the-day", new ReminderRule(Obligation.LOAN_TERM_END, Recipient.FAMILY, 0).id());
    }

    @Test
    void theLongestLeadTimeBoundsWhatTheSweepReads() {
        assertEquals(60, POLICY.longestLeadDays());
    }

    @Test
    void retriesWaitLongerEachTimeUpToTheLongestWait() {
        DeliveryRetries delivery = POLICY.delivery();
        assertEquals(Duration.ofMinutes(1), delivery.retryDelay(1));
        assertEquals(Duration.ofMinutes(2), delivery.retryDelay(2));
        assertEquals(Duration.ofMinutes(64), delivery.retryDelay(7));
        assertEquals(Duration.ofHours(2), delivery.retryDelay(8));
        assertEquals(Duration.ofHours(2), delivery.retryDelay(30));
        assertFalse(delivery.givesUpAfter(7));
        assertTrue(delivery.givesUpAfter(8));
    }

    @Test
    void aReminderIsNotSentForAnEndedLoanADoneStepOrAReportedOne() {
        var due = new ReminderStillDuePolicy.Facts(Recipient.FAMILY, true, true, false, true, true);
        assertEquals(Optional.empty(), ReminderStillDuePolicy.reasonNotToSend(due));
        assertEquals(Optional.of(NotSentBecause.LOAN_NOT_ACTIVE), ReminderStillDuePolicy.reasonNotToSend(
                new ReminderStillDuePolicy.Facts(Recipient.FAMILY, false, false, false, true, true)));
        assertEquals(Optional.of(NotSentBecause.OBLIGATION_DONE), ReminderStillDuePolicy.reasonNotToSend(
                new ReminderStillDuePolicy.Facts(Recipient.FAMILY, true, false, false, true, true)));
        assertEquals(Optional.of(NotSentBecause.FAMILY_REPORTED), ReminderStillDuePolicy.reasonNotToSend(
                new ReminderStillDuePolicy.Facts(Recipient.FAMILY, true, true, true, true, true)));
    }

    @Test
    void aFamilyWithoutConsentOrAddressIsNotEmailedButStaffAlertsNeedNeither() {
        assertEquals(Optional.of(NotSentBecause.NO_CONSENT), ReminderStillDuePolicy.reasonNotToSend(
                new ReminderStillDuePolicy.Facts(Recipient.FAMILY, true, true, false, false, true)));
        assertEquals(Optional.of(NotSentBecause.NO_ADDRESS), ReminderStillDuePolicy.reasonNotToSend(
                new ReminderStillDuePolicy.Facts(Recipient.FAMILY, true, true, false, true, false)));
        assertEquals(Optional.empty(), ReminderStillDuePolicy.reasonNotToSend(
                new ReminderStillDuePolicy.Facts(Recipient.STAFF, true, true, true, false, false)));
    }
}
