package jp.inochi.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the audit log by a filter. The SQL is assembled from fixed fragments only; every value the person typed
 * is a bound parameter, so a filter like {@code ' OR 1=1 --} is just a username nobody has.
 */
@Singleton
public class AuditSearch {
    private final JdbcOperations jdbc;

    AuditSearch(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public record Page(List<AuditEntry> entries, long total) {
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public Page search(AuditFilter filter, int page, int size) {
        Query query = where(filter);
        long total = jdbc.prepareStatement("SELECT count(*) FROM audit_log" + query.sql, statement -> {
            query.bind(statement);
            var rows = statement.executeQuery();
            rows.next();
            return rows.getLong(1);
        });
        List<AuditEntry> entries = jdbc.prepareStatement(
                "SELECT * FROM audit_log" + query.sql + " ORDER BY id DESC LIMIT ? OFFSET ?", statement -> {
                    int next = query.bind(statement);
                    statement.setInt(next, size);
                    statement.setLong(next + 1, (long) page * size);
                    return jdbc.entityStream(statement.executeQuery(), AuditEntry.class).toList();
                });
        return new Page(entries, total);
    }

    /** Oldest first, for an export; at most {@code limit} rows (the caller checks the count first). */
    @Transactional(readOnly = true)
    public List<AuditEntry> export(AuditFilter filter, int limit) {
        Query query = where(filter);
        return jdbc.prepareStatement("SELECT * FROM audit_log" + query.sql + " ORDER BY id LIMIT ?", statement -> {
            int next = query.bind(statement);
            statement.setInt(next, limit);
            statement.setFetchSize(1000);
            return jdbc.entityStream(statement.executeQuery(), AuditEntry.class).toList();
        });
    }

    @Transactional(readOnly = true)
    public long count(AuditFilter filter) {
        Query query = where(filter);
        return jdbc.prepareStatement("SELECT count(*) FROM audit_log" + query.sql, statement -> {
            query.bind(statement);
            var rows = statement.executeQuery();
            rows.next();
            return rows.getLong(1);
        });
    }

    private static Query where(AuditFilter filter) {
        Query query = new Query();
        query.add("actor_user_id = ?", filter.userId());
        query.add("actor_username = ?", filter.username());
        query.add("household_id = ?", filter.householdId());
        query.add("action = ?", filter.action() == null ? null : filter.action().name());
        query.add("basis = ?", filter.basis() == null ? null : filter.basis().name());
        query.add("occurred_at >= ?", filter.from() == null ? null : Timestamp.from(filter.from()));
        query.add("occurred_at < ?", filter.to() == null ? null : Timestamp.from(filter.to()));
        query.add("subject_type = ?", filter.subjectType());
        query.add("subject_id = ?", filter.subjectId());
        return query;
    }

    private static final class Query {
        private String sql = "";
        private final List<Object> values = new ArrayList<>();

        void add(String condition, Object value) {
            if (value != null) {
                sql += (values.isEmpty() ? " WHERE " : " AND ") + condition;
                values.add(value);
            }
        }

        /** Binds the values; returns the next parameter index. */
        int bind(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            return values.size() + 1;
        }
    }
}
