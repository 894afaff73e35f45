package jp.inochi.evacuationplans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.AccessScope;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.evacuationplans.model.PlanReview;
import jp.inochi.evacuationplans.model.PlanState;
import jp.inochi.evacuationplans.model.ReviewReason;
import jp.inochi.platform.time.JapanTime;

/**
 * The plans of the households a viewer may see, by state and review date: those needing review first, then the next
 * review soonest. A page at a time ({@link #PAGE_SIZE} rows); every household listed is audited as read.
 */
@Singleton
public class PlanList {
    public static final int PAGE_SIZE = 50;

    private final TransactionOperations<Connection> transactions;
    private final AuditLog auditLog;
    private final Clock clock;

    PlanList(TransactionOperations<Connection> transactions, AuditLog auditLog, Clock clock) {
        this.transactions = transactions;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** {@code state} null for every state; {@code page} counts from 0. */
    public List<PlanListRow> list(Viewer viewer, @Nullable PlanState state, int page, String resource) {
        AccessScope scope = viewer.scope(clock);
        LocalDate today = JapanTime.today(clock);
        List<PlanListRow> rows = new ArrayList<>();
        List<HouseholdAccess> accesses = new ArrayList<>();
        transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(QUERY)) {
                select.setString(1, scope.roleName());
                select.setString(2, scope.municipalityCode());
                select.setString(3, scope.wardCode());
                select.setTimestamp(4, Timestamp.from(scope.at()));
                select.setString(5, state == null ? null : state.name());
                select.setString(6, state == null ? null : state.name());
                select.setInt(7, PAGE_SIZE);
                select.setLong(8, (long) Math.max(page, 0) * PAGE_SIZE);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(row(row, today));
                        accesses.add(new HouseholdAccess(row.getLong("id"), AccessBasis.valueOf(row.getString("basis"))));
                    }
                }
            }
            return null;
        });
        auditLog.householdsRead(viewer, resource, accesses);
        return rows;
    }

    private static PlanListRow row(ResultSet row, LocalDate today) throws java.sql.SQLException {
        PlanState state = PlanState.valueOf(row.getString("state"));
        Timestamp savedAt = row.getTimestamp("saved_at");
        Instant saved = savedAt == null ? null : savedAt.toInstant();
        LocalDate nextReview = saved == null ? null : PlanReview.nextDue(saved.atZone(JapanTime.ZONE).toLocalDate());
        Array reasons = row.getArray("reasons");
        List<String> labels = reasons == null ? List.of() : Arrays.stream((String[]) reasons.getArray())
                .map(reason -> ReviewReason.valueOf(reason).label()).distinct().toList();
        return new PlanListRow(row.getLong("id"), row.getString("child_name"), row.getString("address"),
                row.getString("municipality_code"), state, state.label(), (Integer) row.getObject("version"), saved,
                nextReview, nextReview != null && today.isAfter(nextReview), labels, !labels.isEmpty());
    }

    private static final String QUERY = """
            WITH visible AS (
                SELECT h.id, h.child_family_name || ' ' || h.child_given_name AS child_name, h.address, h.municipality_code,
                       household_access_basis(h, ?, ?, ?, ?) AS basis
                FROM household h
            ), plans AS (
                SELECT v.*, p.version, coalesce(p.state, 'UNSAVED') AS state, p.saved_at,
                       (SELECT array_agg(r.reason ORDER BY r.raised_at) FROM evacuation_plan_review r
                        WHERE r.household_id = v.id AND r.resolved_by_version IS NULL) AS reasons
                FROM visible v
                LEFT JOIN LATERAL (SELECT version, state, saved_at FROM evacuation_plan_version
                                   WHERE household_id = v.id ORDER BY version DESC LIMIT 1) p ON true
                WHERE v.basis IS NOT NULL
            )
            SELECT * FROM plans WHERE (CAST(? AS text) IS NULL OR state = ?)
            ORDER BY reasons IS NULL, saved_at NULLS FIRST, id
            LIMIT ? OFFSET ?""";
}
