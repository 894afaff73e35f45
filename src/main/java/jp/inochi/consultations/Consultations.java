package jp.inochi.consultations;

import io.micronaut.core.annotation.Nullable;
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
import jp.inochi.consultations.model.ConsultationRules;
import jp.inochi.lifecycle.ExpectedVersion;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.platform.time.JapanTime;

/** Records, corrects and links consultations (center staff); every write is audited in its own transaction. */
@Singleton
public class Consultations {
    static final String SUBJECT = "consultation";

    private final ConsultationRepository consultations;
    private final AuditLog auditLog;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    Consultations(ConsultationRepository consultations, AuditLog auditLog, TransactionOperations<Connection> transactions,
                  Clock clock) {
        this.consultations = consultations;
        this.auditLog = auditLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Consultation record(Viewer viewer, @Valid ConsultationDetails details) {
        check(details, null);
        return transactions.executeWrite(status -> {
            Instant now = clock.instant();
            Consultation saved = consultations.save(toConsultation(null, details, null, null, viewer.displayName(), now,
                    now, null));
            auditLog.changed(viewer, AuditAction.CREATE, "/api/consultations", SUBJECT, saved.id(), null, null);
            return saved;
        });
    }

    public Consultation correct(Viewer viewer, long id, @Valid ConsultationDetails details) {
        return transactions.executeWrite(status -> {
            Consultation before = consultations.findById(id).orElseThrow(() -> new NotFoundException("相談記録"));
            ExpectedVersion.check(details.version(), before.version());
            check(details, before.householdId());
            Consultation after = consultations.update(toConsultation(id, details, before.householdId(),
                    before.programApplicationId(), before.recordedBy(), before.createdAt(), clock.instant(),
                    before.version()));
            auditLog.changed(viewer, AuditAction.UPDATE, "/api/consultations/{id}", SUBJECT, id, after.householdId(), null);
            return after;
        });
    }

    /** Links the consultation to the household (and one of its program applications) once they exist. */
    public Consultation link(Viewer viewer, long id, long householdId, @Nullable Long applicationId) {
        return transactions.executeWrite(status -> {
            Consultation before = consultations.findById(id).orElseThrow(() -> new NotFoundException("相談記録"));
            if (!consultations.householdExists(householdId)) {
                throw new InvalidInputException(List.of(new FieldError("householdId", "その番号の世帯はありません")));
            }
            if (applicationId != null && !consultations.applicationBelongsTo(applicationId, householdId)) {
                throw new InvalidInputException(List.of(new FieldError("programApplicationId",
                        "その番号の事業利用申請はこの世帯にありません")));
            }
            Consultation after = consultations.update(before.linkedTo(householdId, applicationId, clock.instant()));
            auditLog.changed(viewer, AuditAction.UPDATE, "/api/consultations/{id}/link", SUBJECT, id, householdId,
                    "世帯 " + householdId + (applicationId == null ? "" : "、申請 " + applicationId));
            return after;
        });
    }

    private void check(ConsultationDetails d, @Nullable Long householdId) {
        List<FieldError> errors = ConsultationRules.check(new ConsultationRules.Facts(d.consultedOn(),
                blankToNull(d.childName()) != null, householdId != null, d.followUpOn()), JapanTime.today(clock));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static Consultation toConsultation(Long id, ConsultationDetails d, Long householdId, Long applicationId,
                                               String recordedBy, Instant createdAt, Instant updatedAt, Long version) {
        return new Consultation(id, d.consultedOn(), d.channel(), d.consulterName().strip(),
                blankToNull(d.consulterRelation()), blankToNull(d.consulterContact()), blankToNull(d.childName()),
                blankToNull(d.childNameKana()), householdId, applicationId, d.topic().strip(), blankToNull(d.outcome()),
                d.followUpOn(), blankToNull(d.followUpNote()), recordedBy, createdAt, updatedAt, version);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
