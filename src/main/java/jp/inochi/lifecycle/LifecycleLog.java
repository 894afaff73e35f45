package jp.inochi.lifecycle;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import jp.inochi.audit.AuditAction;
import jp.inochi.audit.AuditLog;

/**
 * Records each step of a lifecycle in {@code lifecycle_event} (the timeline the UI shows) and in the audit log
 * (the security record). Call it inside the transaction that makes the change, so both commit or neither does.
 */
@Singleton
public class LifecycleLog {
    private final LifecycleEventRepository events;
    private final AuditLog auditLog;
    private final Clock clock;

    LifecycleLog(LifecycleEventRepository events, AuditLog auditLog, Clock clock) {
        this.events = events;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** One step; {@code before}/{@code after} are state names (null where the subject has no state). */
    public LifecycleEvent record(Actor actor, Step step) {
        LifecycleEvent saved = events.save(new LifecycleEvent(null, clock.instant(), step.effectiveOn(),
                step.subjectType(), step.subjectId(), step.householdId(), step.loanId(), step.action(),
                step.before(), step.after(), step.reason(), step.detail(), actor.userId(), actor.username(),
                actor.roleName()));
        String auditDetail = step.action() + (step.before() == null && step.after() == null ? ""
                : " " + step.before() + "→" + step.after());
        String resource = "lifecycle/" + step.subjectType().name().toLowerCase(java.util.Locale.ROOT);
        if (actor.isSystem()) {
            auditLog.system(AuditAction.TRANSITION, resource, step.subjectType().name(), step.subjectId(),
                    step.householdId(), auditDetail);
        } else {
            auditLog.changed(actor.viewer(), AuditAction.TRANSITION, resource, step.subjectType().name(),
                    step.subjectId(), step.householdId(), auditDetail);
        }
        return saved;
    }

    /** What happened to which subject; build with {@link #of}. */
    public record Step(SubjectType subjectType, long subjectId, @Nullable Long householdId, @Nullable Long loanId,
                       String action, @Nullable String before, @Nullable String after, @Nullable String reason,
                       @Nullable String detail, LocalDate effectiveOn) {

        public static Step of(SubjectType type, long subjectId, Labelled action, LocalDate effectiveOn) {
            return new Step(type, subjectId, null, null, action.apiName(), null, null, null, null, effectiveOn);
        }

        public Step household(@Nullable Long householdId) {
            return new Step(subjectType, subjectId, householdId, loanId, action, before, after, reason, detail, effectiveOn);
        }

        public Step loan(@Nullable Long loanId) {
            return new Step(subjectType, subjectId, householdId, loanId, action, before, after, reason, detail, effectiveOn);
        }

        public Step states(@Nullable Enum<?> before, @Nullable Enum<?> after) {
            return new Step(subjectType, subjectId, householdId, loanId, action,
                    before == null ? null : before.name(), after == null ? null : after.name(), reason, detail, effectiveOn);
        }

        public Step reason(@Nullable String reason) {
            return new Step(subjectType, subjectId, householdId, loanId, action, before, after, reason, detail, effectiveOn);
        }

        public Step detail(@Nullable String detail) {
            return new Step(subjectType, subjectId, householdId, loanId, action, before, after, reason, detail, effectiveOn);
        }
    }
}
