package jp.inochi.trainings.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrainingRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 10);

    @Test
    void onlyFamiliesWithALoanOrAnApplicationInProgressCanBeInvited() {
        assertTrue(InvitationEligibility.canBeInvited(new InvitationEligibility.Family(true, false)));
        assertTrue(InvitationEligibility.canBeInvited(new InvitationEligibility.Family(false, true)));
        assertFalse(InvitationEligibility.canBeInvited(new InvitationEligibility.Family(false, false)));
    }

    @Test
    void aSessionInThePastCannotInvite() {
        assertTrue(TrainingRules.invitationRefusal(TODAY.minusDays(1), TODAY, 0, 1, 10).isPresent());
        assertTrue(TrainingRules.invitationRefusal(TODAY, TODAY, 0, 1, 10).isPresent(), "nor on its own day");
        assertEquals(Optional.empty(), TrainingRules.invitationRefusal(TODAY.plusDays(1), TODAY, 0, 1, 10));
    }

    @Test
    void invitationsNeverGoPastTheCapacity() {
        assertTrue(TrainingRules.invitationRefusal(TODAY.plusDays(7), TODAY, 9, 2, 10).orElseThrow().contains("定員"));
        assertEquals(Optional.empty(), TrainingRules.invitationRefusal(TODAY.plusDays(7), TODAY, 9, 1, 10));
    }

    @Test
    void attendanceIsRecordedOnlyOnTheSessionDayOrAfter() {
        assertTrue(TrainingRules.attendanceRefusal(TODAY.plusDays(1), TODAY).isPresent());
        assertEquals(Optional.empty(), TrainingRules.attendanceRefusal(TODAY, TODAY));
    }

    @Test
    void aSessionMustEndAfterItStartsAndNotBeInThePast() {
        assertEquals(2, TrainingRules.check(TODAY.minusDays(1), LocalTime.of(14, 0), LocalTime.of(13, 0), 10, TODAY).size());
        assertTrue(TrainingRules.check(TODAY, LocalTime.of(14, 0), LocalTime.of(16, 0), 10, TODAY).isEmpty());
    }

    @Test
    void theReminderGoesTheConfiguredDaysBeforeUnlessThatDayHasPassed() {
        TrainingPolicy policy = new TrainingPolicy(3, LocalTime.of(9, 0));
        assertEquals(Optional.of(LocalDate.of(2026, 1, 26)), policy.reminderOn(LocalDate.of(2026, 1, 29), TODAY));
        assertEquals(Optional.empty(), policy.reminderOn(TODAY.plusDays(2), TODAY));
    }
}
