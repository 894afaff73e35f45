package jp.inochi.audit;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.Role;
import jp.inochi.access.Viewer;

/**
 * The names behind the ids of audit entries: the staff who acted (every reader of the audit log may see them) and,
 * for a center admin only, the children of the households (a read of their personal data, audited like any list).
 * Auditors see no household data, so they get the numbers.
 */
@Singleton
class AuditNames {
    static final String RESOURCE = "/audit";

    private final TransactionOperations<Connection> transactions;
    private final AuditLog auditLog;

    AuditNames(TransactionOperations<Connection> transactions, AuditLog auditLog) {
        this.transactions = transactions;
        this.auditLog = auditLog;
    }

    Map<Long, String> users(Collection<Long> ids) {
        return names("SELECT id, display_name FROM app_user WHERE id = ANY(?)", ids);
    }

    /** The children's names for a center admin (audited as read); empty for anyone else. */
    Map<Long, String> households(Viewer viewer, Collection<Long> ids) {
        if (viewer.role() != Role.CENTER_ADMIN || ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = names("SELECT id, child_family_name || ' ' || child_given_name FROM household "
                + "WHERE id = ANY(?)", ids);
        auditLog.householdsRead(viewer, RESOURCE, names.keySet().stream()
                .map(id -> new HouseholdAccess(id, AccessBasis.CENTER)).toList());
        return names;
    }

    private Map<Long, String> names(String sql, Collection<Long> ids) {
        List<Long> distinct = ids.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return Map.of();
        }
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, connection.createArrayOf("bigint", distinct.toArray()));
                Map<Long, String> byId = new HashMap<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        byId.put(rows.getLong(1), rows.getString(2));
                    }
                }
                return byId;
            }
        });
    }
}
