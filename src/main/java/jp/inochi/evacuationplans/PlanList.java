package jp.inochi.evacuationplans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /** Which plans to list: a status (null for all; 見直しが必要 is a status of its own here) and only overdue reviews. */
    public record Filter(@Nullable PlanListStatus status, boolean reviewOverdue) {
        public static final Filter ALL = new Filter(null, false);
    }

    /** {@code state} null for every state; {@code page} counts from 0. */
    public List<PlanListRow> list(Viewer viewer, @Nullable PlanState state, int page, String resource) {
        return list(viewer, new Filter(state == null ? null : PlanListStatus.of(state), false),
                (long) Math.max(page, 0) * PAGE_SIZE, resource);
    }

    /** One page ({@link #PAGE_SIZE} rows from {@code offset}) of the plans the filter keeps. */
    public List<PlanListRow> list(Viewer viewer, Filter filter, long offset, String resource) {
        AccessScope scope = viewer.scope(clock);
        LocalDate today = JapanTime.today(clock);
        List<PlanListRow> rows = new ArrayList<>();
        List<HouseholdAccess> accesses = new ArrayList<>();
        transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(FILTERED + ORDERED_PAGE)) {
                int next = bind(select, scope, filter, today);
                select.setInt(next, PAGE_SIZE);
                select.setLong(next + 1, Math.max(offset, 0));
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

    /** How many plans the filter keeps (for the pager; nothing personal, so not audited). */
    public long count(Viewer viewer, Filter filter) {
        AccessScope scope = viewer.scope(clock);
        LocalDate today = JapanTime.today(clock);
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement("SELECT count(*) FROM (" + FILTERED + ") f")) {
                bind(select, scope, filter, today);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    private static int bind(PreparedStatement select, AccessScope scope, Filter filter, LocalDate today) throws SQLException {
        scope.bind(select, 1);
        String state = filter.status() == null || filter.status().state() == null ? null : filter.status().state().name();
        select.setString(5, state);
        select.setString(6, state);
        select.setBoolean(7, filter.status() == PlanListStatus.REVIEW_NEEDED);
        select.setBoolean(8, filter.reviewOverdue());
        select.setInt(9, PlanReview.MONTHS_BETWEEN_REVIEWS);
        select.setDate(10, Date.valueOf(today));
        return 11;
    }

    private static PlanListRow row(ResultSet row, LocalDate today) throws SQLException {
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

    /** The visible households' plans the filter keeps: state, open review reasons, overdue review (same rule as PlanReview). */
    private static final String FILTERED = """
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
              AND (NOT ? OR reasons IS NOT NULL)
              AND (NOT ? OR (saved_at IS NOT NULL
                   AND CAST(saved_at AT TIME ZONE 'Asia/Tokyo' AS date) + make_interval(months => ?) < ?))
            """;

    private static final String ORDERED_PAGE = "ORDER BY reasons IS NULL, saved_at NULLS FIRST, id LIMIT ? OFFSET ?";
}
