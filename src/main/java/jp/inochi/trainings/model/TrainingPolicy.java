package jp.inochi.trainings.model;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/**
 * When the reminder of a training session goes, as written by the center in {@code schedules/trainings.yml}: so many
 * days before the session, at a time of day (Japan time). The sessions are the plan-making training the center runs for
 * families with a loan or an application in progress (seed 000, line 579).
 */
public record TrainingPolicy(int reminderDaysBefore, LocalTime reminderAt) {

    /** The reminder's day, or none when that day is already today or past (the invitation is reminder enough). */
    public Optional<LocalDate> reminderOn(LocalDate heldOn, LocalDate invitedOn) {
        LocalDate on = heldOn.minusDays(reminderDaysBefore);
        return on.isAfter(invitedOn) ? Optional.of(on) : Optional.empty();
    }
}
