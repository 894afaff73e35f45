package jp.inochi.trainings;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditAction;
import jp.inochi.audit.AuditLog;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.trainings.model.TrainingRules;
import jp.inochi.web.Pager;

/** Plans training sessions and reads them (a session itself holds no personal data; its attendees do). */
@Singleton
public class TrainingSessions {
    static final String SUBJECT = "training_session";

    private final TrainingSessionRepository sessions;
    private final AuditLog auditLog;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    TrainingSessions(TrainingSessionRepository sessions, AuditLog auditLog, TransactionOperations<Connection> transactions,
                     Clock clock) {
        this.sessions = sessions;
        this.auditLog = auditLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One page of sessions, the latest first, with how many families each invited. */
    public record Listed(TrainingSession session, long invited) {
    }

    public record Found(List<Listed> rows, Pager pager) {
    }

    public TrainingSession plan(Viewer viewer, @Valid SessionDetails details) {
        List<FieldError> errors = TrainingRules.check(details.heldOn(), details.startsAt(), details.endsAt(),
                details.capacity(), JapanTime.today(clock)).stream()
                .map(p -> new FieldError(p.field(), p.message())).toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return transactions.executeWrite(status -> {
            Instant now = clock.instant();
            TrainingSession saved = sessions.save(new TrainingSession(null, details.heldOn(), details.startsAt(),
                    details.endsAt(), details.place().strip(), details.topic().strip(), details.capacity(),
                    viewer.displayName(), now, now, null));
            auditLog.changed(viewer, AuditAction.CREATE, "/api/trainings", SUBJECT, saved.id(), null, null);
            return saved;
        });
    }

    public TrainingSession get(long id) {
        return sessions.findById(id).orElseThrow(() -> new NotFoundException("研修会"));
    }

    public Found page(String path, Integer requested) {
        Pager pager = Pager.of(path, requested, sessions.count());
        List<Listed> rows = sessions.findPage(pager.limit(), pager.offset()).stream()
                .map(s -> new Listed(s, sessions.countInvited(s.id()))).toList();
        return new Found(rows, pager);
    }
}
