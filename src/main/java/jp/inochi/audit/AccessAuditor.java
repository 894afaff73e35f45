package jp.inochi.audit;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import jp.inochi.access.SignInRecorded;
import jp.inochi.access.UserAccountChanged;

/** Writes what the access feature publishes (sign-ins, user accounts) to the audit log, synchronously. */
@Singleton
final class AccessAuditor {
    private final AuditLog auditLog;

    AccessAuditor(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @EventListener
    void signIn(SignInRecorded event) {
        auditLog.signIn(AuditAction.valueOf(event.kind().name()), event.userId(), event.username(), event.role(),
                event.clientAddress(), event.resource(), event.detail());
    }

    @EventListener
    void userAccountChanged(UserAccountChanged event) {
        AuditAction action = event.created() ? AuditAction.CREATE : AuditAction.UPDATE;
        if (event.by() == null) {
            auditLog.system(action, event.resource(), "app_user", event.userId(), null, event.detail());
        } else {
            auditLog.changed(event.by(), action, event.resource(), "app_user", event.userId(), null, event.detail());
        }
    }
}
