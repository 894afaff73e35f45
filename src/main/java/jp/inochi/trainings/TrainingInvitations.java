package jp.inochi.trainings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditAction;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.platform.problem.ConflictException;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.reminders.model.Recipient;
import jp.inochi.reminders.outbox.Jdbc;
import jp.inochi.reminders.outbox.Outbox;
import jp.inochi.trainings.model.InvitationEligibility;
import jp.inochi.trainings.model.TrainingPolicy;
import jp.inochi.trainings.model.TrainingRules;

/**
 * Invites families to a session, a mass email: first the preview (the email as a family receives it, how many get it,
 * how many can't be emailed and are to be called), then, given the preview's {@code confirmation}, the attendees are
 * written and each emailable family's invitation and reminder queued in the outbox, all in one transaction.
 */
@Singleton
public class TrainingInvitations {
    private final TransactionOperations<Connection> transactions;
    private final TrainingSessions sessions;
    private final TrainingMail mail;
    private final Outbox outbox;
    private final TrainingPolicy policy;
    private final AuditLog auditLog;
    private final Clock clock;

    TrainingInvitations(TransactionOperations<Connection> transactions, TrainingSessions sessions, TrainingMail mail,
                        Outbox outbox, TrainingPolicy policy, AuditLog auditLog, Clock clock) {
        this.transactions = transactions;
        this.sessions = sessions;
        this.mail = mail;
        this.outbox = outbox;
        this.policy = policy;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The email and the counts; {@code confirmation} is what the invitation must be given. */
    @Serdeable
    public record Preview(long sessionId, int families, int emailed, int notEmailed, @Nullable String sampleTo,
                          @Nullable String subject, @Nullable String text, @Nullable LocalDate reminderOn,
                          String confirmation) {
    }

    /** What was done: how many families were invited, by email and by phone. */
    @Serdeable
    public record Invited(long sessionId, int families, int emailed, int toCall) {
    }

    public Preview preview(Viewer viewer, long sessionId, List<Long> householdIds, String resource) {
        TrainingSession session = sessions.get(sessionId);
        List<TrainingFamilies.Family> chosen = transactions.executeRead(status -> check(status.getConnection(), session,
                householdIds));
        int emailed = (int) chosen.stream().filter(TrainingFamilies.Family::emailable).count();
        Long sample = chosen.stream().filter(TrainingFamilies.Family::emailable).map(TrainingFamilies.Family::householdId)
                .findFirst().orElse(null);
        LocalDate reminderOn = policy.reminderOn(session.heldOn(), JapanTime.today(clock)).orElse(null);
        String confirmation = confirmation(emailed, chosen.size());
        if (sample == null) {
            return new Preview(sessionId, chosen.size(), 0, chosen.size(), null, null, null, reminderOn, confirmation);
        }
        String[] family = transactions.executeRead(status -> TrainingFamilies.sample(status.getConnection(), sample));
        TrainingMail.Letter letter = mail.letter(false, new TrainingMail.Values(family[0], session.heldOn(),
                session.startsAt(), session.endsAt(), session.place(), session.topic()));
        // the sample family's name and address were shown
        auditLog.householdsRead(viewer, resource, List.of(new HouseholdAccess(sample, AccessBasis.CENTER)));
        return new Preview(sessionId, chosen.size(), emailed, chosen.size() - emailed, family[1], letter.subject(),
                letter.text(), reminderOn, confirmation);
    }

    public Invited invite(Viewer viewer, long sessionId, List<Long> householdIds, @Nullable String confirmation,
                          String resource) {
        if (confirmation == null || confirmation.isBlank()) {
            throw new InvalidInputException("confirmation",
                    "送信の前にプレビューでメールの文面と件数を確認してください（確認の印がありません）");
        }
        TrainingSession session = sessions.get(sessionId);
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            Jdbc.queryLong(connection, "SELECT id FROM training_session WHERE id = ? FOR UPDATE", sessionId);
            List<TrainingFamilies.Family> chosen = check(connection, session, householdIds);
            int emailed = (int) chosen.stream().filter(TrainingFamilies.Family::emailable).count();
            if (!confirmation(emailed, chosen.size()).equals(confirmation.strip())) {
                throw new ConflictException("プレビューの後で対象の家族が変わりました（いまはメール " + emailed
                        + " 世帯、メールで連絡できない " + (chosen.size() - emailed) + " 世帯）。もう一度プレビューを確認してください");
            }
            Instant now = clock.instant();
            LocalDate today = JapanTime.today(clock);
            Instant reminderAt = policy.reminderOn(session.heldOn(), today)
                    .map(day -> day.atTime(policy.reminderAt()).atZone(JapanTime.ZONE).toInstant()).orElse(null);
            for (TrainingFamilies.Family family : chosen) {
                long attendee = Jdbc.queryLong(connection, """
                        INSERT INTO training_attendee (session_id, household_id, invited_at, invited_by, invited_by_channel)
                        VALUES (?, ?, ?, ?, ?) RETURNING id""", sessionId, family.householdId(), now,
                        viewer.displayName(), family.emailable() ? "EMAIL" : "PHONE");
                if (family.emailable()) {
                    outbox.enqueue(new Outbox.NewMessage(TrainingInvitationMail.KIND, "training-invitation:" + attendee,
                            Recipient.FAMILY, family.householdId(), attendee, null, now));
                    if (reminderAt != null) {
                        outbox.enqueue(new Outbox.NewMessage(TrainingReminderMail.KIND, "training-reminder:" + attendee,
                                Recipient.FAMILY, family.householdId(), attendee, null, reminderAt));
                    }
                }
                auditLog.changed(viewer, AuditAction.CREATE, resource, "training_attendee", attendee,
                        family.householdId(), "研修会 " + sessionId);
            }
            return new Invited(sessionId, chosen.size(), emailed, chosen.size() - emailed);
        });
    }

    /** Names the counts, so an invitation after the families changed is refused instead of sending unseen. */
    static String confirmation(int emailed, int families) {
        return "送信" + emailed + "-招待" + families;
    }

    private List<TrainingFamilies.Family> check(Connection connection, TrainingSession session,
                                                       List<Long> householdIds) throws SQLException {
        List<Long> distinct = householdIds.stream().distinct().toList();
        int already = (int) Jdbc.queryLong(connection, "SELECT count(*) FROM training_attendee WHERE session_id = ?",
                session.id());
        TrainingRules.invitationRefusal(session.heldOn(), JapanTime.today(clock), already, distinct.size(),
                        session.capacity())
                .ifPresent(refusal -> {
                    throw new InvalidInputException("householdIds", refusal);
                });
        if (TrainingFamilies.countEligible(connection, distinct) != distinct.size()) {
            throw new InvalidInputException("householdIds", InvitationEligibility.NOT_ELIGIBLE);
        }
        if (Jdbc.queryLong(connection, "SELECT count(*) FROM training_attendee WHERE session_id = ? AND household_id = ANY (?)",
                session.id(), Jdbc.bigints(connection, distinct)) > 0) {
            throw new InvalidInputException("householdIds", "すでに招待した世帯が含まれています");
        }
        return TrainingFamilies.chosen(connection, distinct);
    }
}
