package jp.inochi.audit;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.access.AccessBasis;

/** What an auditor searches the audit log for; every part is optional and they combine with AND. */
public record AuditFilter(@Nullable Long userId, @Nullable String username, @Nullable Long householdId,
                          @Nullable AuditAction action, @Nullable AccessBasis basis, @Nullable Instant from,
                          @Nullable Instant to, @Nullable String subjectType, @Nullable String subjectId) {

    /** The filter as written into the audit entry of the search itself. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        add(parts, "userId", userId);
        add(parts, "username", username);
        add(parts, "householdId", householdId);
        add(parts, "action", action);
        add(parts, "basis", basis);
        add(parts, "from", from);
        add(parts, "to", to);
        add(parts, "subjectType", subjectType);
        add(parts, "subjectId", subjectId);
        return parts.isEmpty() ? "条件なし" : String.join(" ", parts);
    }

    private static void add(List<String> parts, String name, @Nullable Object value) {
        if (value != null) {
            parts.add(name + "=" + value);
        }
    }
}
