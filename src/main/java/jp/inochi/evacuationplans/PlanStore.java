package jp.inochi.evacuationplans;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.inochi.evacuationplans.model.PlanReview;
import jp.inochi.evacuationplans.model.PlanState;
import jp.inochi.evacuationplans.model.ReviewReason;
import jp.inochi.platform.time.JapanTime;

/** The plan tables: versions (content as jsonb) and open review reasons. Callers have checked the viewer's scope. */
@Singleton
class PlanStore {
    private final TransactionOperations<Connection> transactions;

    PlanStore(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** The current (highest) version with its content. */
    record Stored(PlanVersion version, String content) {
    }

    Optional<Stored> current(long householdId) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(SELECT
                    + " WHERE household_id = ? ORDER BY version DESC LIMIT 1")) {
                select.setLong(1, householdId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new Stored(version(row, true), row.getString("content")))
                            : Optional.<Stored>empty();
                }
            }
        });
    }

    List<PlanVersion> versions(long householdId) {
        return transactions.executeRead(status -> {
            List<PlanVersion> versions = new ArrayList<>();
            try (PreparedStatement select = status.getConnection().prepareStatement(SELECT
                    + " WHERE household_id = ? ORDER BY version DESC")) {
                select.setLong(1, householdId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        versions.add(version(row, versions.isEmpty()));
                    }
                }
            }
            return versions;
        });
    }

    /** Locks the household's versions so two saves of the same version cannot both pass the If-Match check. */
    int lockCurrentVersion(Connection connection, long householdId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM household WHERE id = ? FOR UPDATE")) {
            lock.setLong(1, householdId);
            lock.executeQuery().close();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT coalesce(max(version), 0) FROM evacuation_plan_version WHERE household_id = ?")) {
            select.setLong(1, householdId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    void insert(Connection connection, long householdId, int version, PlanState state, String content,
                List<String> prefilled, List<String> homeExposure, long userId, String userName, Instant at)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO evacuation_plan_version (household_id, version, state, content, prefilled, saved_by,
                                                     saved_by_name, saved_at, home_exposure, review_due_on)
                VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)""")) {
            insert.setLong(1, householdId);
            insert.setInt(2, version);
            insert.setString(3, state.name());
            insert.setString(4, content);
            insert.setArray(5, connection.createArrayOf("text", prefilled.toArray()));
            insert.setLong(6, userId);
            insert.setString(7, userName);
            insert.setTimestamp(8, Timestamp.from(at));
            insert.setArray(9, connection.createArrayOf("text", homeExposure.toArray()));
            // the yearly review's due date, read by the loan_obligation view for the reminders (V211)
            insert.setObject(10, PlanReview.nextDue(at.atZone(JapanTime.ZONE).toLocalDate()));
            insert.executeUpdate();
        }
        try (PreparedStatement resolve = connection.prepareStatement("""
                UPDATE evacuation_plan_review SET resolved_by_version = ?
                WHERE household_id = ? AND resolved_by_version IS NULL""")) {
            resolve.setInt(1, version);
            resolve.setLong(2, householdId);
            resolve.executeUpdate();
        }
    }

    /** Marks the current plan 見直しが必要; a household without a saved plan has nothing to review. */
    boolean raiseReview(long householdId, ReviewReason reason, String detail, Instant at) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection().prepareStatement("""
                    INSERT INTO evacuation_plan_review (household_id, reason, detail, raised_at)
                    SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM evacuation_plan_version WHERE household_id = ?)""")) {
                insert.setLong(1, householdId);
                insert.setString(2, reason.name());
                insert.setString(3, detail);
                insert.setTimestamp(4, Timestamp.from(at));
                insert.setLong(5, householdId);
                return insert.executeUpdate() > 0;
            }
        });
    }

    /** Each household with a saved plan, and its home's exposure as it was when the current version was saved. */
    Map<Long, List<String>> savedExposures() {
        return transactions.executeRead(status -> {
            Map<Long, List<String>> found = new LinkedHashMap<>();
            try (PreparedStatement select = status.getConnection().prepareStatement("""
                    SELECT DISTINCT ON (household_id) household_id, home_exposure FROM evacuation_plan_version
                    ORDER BY household_id, version DESC""");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.put(row.getLong(1), Arrays.asList((String[]) row.getArray(2).getArray()));
                }
            }
            return found;
        });
    }

    List<ReviewNote> openReviews(long householdId) {
        return transactions.executeRead(status -> {
            List<ReviewNote> notes = new ArrayList<>();
            try (PreparedStatement select = status.getConnection().prepareStatement("""
                    SELECT reason, detail, raised_at FROM evacuation_plan_review
                    WHERE household_id = ? AND resolved_by_version IS NULL ORDER BY raised_at, id""")) {
                select.setLong(1, householdId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        ReviewReason reason = ReviewReason.valueOf(row.getString(1));
                        notes.add(new ReviewNote(reason, reason.label(), row.getString(2), row.getTimestamp(3).toInstant()));
                    }
                }
            }
            return notes;
        });
    }

    private static final String SELECT = """
            SELECT version, state, content, prefilled, saved_by_name, saved_at FROM evacuation_plan_version""";

    private static PlanVersion version(ResultSet row, boolean current) throws SQLException {
        PlanState state = PlanState.valueOf(row.getString("state"));
        return new PlanVersion(row.getInt("version"), state, state.label(), row.getString("saved_by_name"),
                row.getTimestamp("saved_at").toInstant(), current,
                Arrays.asList((String[]) row.getArray("prefilled").getArray()));
    }
}
