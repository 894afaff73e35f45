package jp.inochi.audit;

import io.micronaut.core.annotation.Nullable;
import java.util.Map;
import jp.inochi.audit.model.ClientAddressText;
import jp.inochi.audit.model.ScreenNames;
import jp.inochi.audit.model.SubjectNames;

/** One audit entry as the page shows it: names instead of ids where the viewer may see them, Japanese labels. */
record AuditRow(AuditEntry entry, String actor, String roleLabel, String actionLabel, String screen, String subject,
                @Nullable Long householdLink, String address, @Nullable String basisLabel) {

    static AuditRow of(AuditEntry entry, Map<Long, String> users, Map<Long, String> households) {
        String name = entry.actorUserId() == null ? null : users.get(entry.actorUserId());
        String actor = name == null ? entry.actorUsername() : name + "（" + entry.actorUsername() + "）";
        if (entry.actorUserId() == null && "system".equals(entry.actorUsername())) {
            actor = "システム（自動処理）";
        }
        String subjectName = subjectName(entry, users, households);
        String subject = entry.subjectType() == null && entry.householdId() != null
                ? SubjectNames.of("household", String.valueOf(entry.householdId()), households.get(entry.householdId()))
                : SubjectNames.of(entry.subjectType(), entry.subjectId(), subjectName);
        String action = entry.action().label() + (entry.action() == AuditAction.REFUSED && entry.rowCount() != null
                && entry.rowCount() > 1 ? "（" + entry.rowCount() + "回）" : "");
        return new AuditRow(entry, actor, AuditLogController.roleLabel(entry.actorRole()), action,
                ScreenNames.of(entry.resource()), subject,
                entry.householdId() != null && households.containsKey(entry.householdId())
                ? entry.householdId() : null, ClientAddressText.of(entry.clientAddress()),
                entry.basis() == null ? null : entry.basis().label());
    }

    @Nullable
    private static String subjectName(AuditEntry entry, Map<Long, String> users, Map<Long, String> households) {
        if (entry.subjectId() == null || !entry.subjectId().matches("\\d{1,18}")) {
            return null;
        }
        long id = Long.parseLong(entry.subjectId());
        return switch (entry.subjectType() == null ? "" : entry.subjectType()) {
            case "app_user" -> users.get(id);
            case "household", "HOUSEHOLD" -> households.get(id);
            default -> null;
        };
    }
}
