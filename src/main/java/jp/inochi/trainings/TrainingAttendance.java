package jp.inochi.trainings;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditAction;
import jp.inochi.audit.AuditLog;
import jp.inochi.platform.problem.ConflictException;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.reminders.outbox.Jdbc;
import jp.inochi.trainings.model.Attendance;
import jp.inochi.trainings.model.TrainingRules;

/** Records who attended a session, on its day or after; each family's answer audited. */
@Singleton
public class TrainingAttendance {
    private final TransactionOperations<Connection> transactions;
    private final TrainingSessions sessions;
    private final AuditLog auditLog;
    private final Clock clock;

    TrainingAttendance(TransactionOperations<Connection> transactions, TrainingSessions sessions, AuditLog auditLog,
                       Clock clock) {
        this.transactions = transactions;
        this.sessions = sessions;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Attendance by household id; households not invited to the session are refused, nothing written. */
    public int record(Viewer viewer, long sessionId, Map<Long, Attendance> byHousehold, String resource) {
        TrainingSession session = sessions.get(sessionId);
        TrainingRules.attendanceRefusal(session.heldOn(), JapanTime.today(clock)).ifPresent(refusal -> {
            throw new ConflictException(refusal);
        });
        if (byHousehold.isEmpty()) {
            throw new InvalidInputException("attendance", "出欠を1世帯以上選んでください");
        }
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            Instant now = clock.instant();
            int recorded = 0;
            for (Map.Entry<Long, Attendance> answer : byHousehold.entrySet()) {
                int changed = Jdbc.update(connection, "UPDATE training_attendee SET attendance = ?, "
                        + "attendance_recorded_at = ? WHERE session_id = ? AND household_id = ?", answer.getValue(), now,
                        sessionId, answer.getKey());
                if (changed == 0) {
                    throw new InvalidInputException("attendance", "世帯 第" + answer.getKey() + "号はこの研修会に招待されていません");
                }
                auditLog.changed(viewer, AuditAction.UPDATE, resource, "training_attendee", sessionId, answer.getKey(),
                        answer.getValue().label());
                recorded++;
            }
            return recorded;
        });
    }
}
