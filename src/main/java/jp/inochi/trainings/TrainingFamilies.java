package jp.inochi.trainings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.reminders.outbox.Jdbc;
import jp.inochi.trainings.model.Attendance;

/**
 * The families of a session, each read audited as household data: those the chooser offers (only families with a loan
 * or an application in progress, {@link jp.inochi.trainings.model.InvitationEligibility}) and those invited.
 */
@Singleton
public class TrainingFamilies {
    /** The eligibility rule in SQL, for household {@code h}: a loan, or an application in progress. */
    static final String ELIGIBLE = """
            (EXISTS (SELECT 1 FROM loan l WHERE l.household_id = h.id AND l.state IN ('ACTIVE', 'RETURN_OPEN'))
             OR EXISTS (SELECT 1 FROM program_application p WHERE p.household_id = h.id
                        AND (p.state IN ('RECEIVED', 'UNDER_REVIEW', 'INFORMATION_REQUESTED')
                             OR (p.state = 'APPROVED' AND NOT EXISTS (SELECT 1 FROM loan_application la
                                     WHERE la.program_application_id = p.id AND la.state = 'HANDED_OVER')))))""";
    /** The first guardian's address, when the family consented to email. */
    private static final String MAIL = """
            LEFT JOIN LATERAL (SELECT btrim(g.email) AS email, g.phone AS phone, g.name AS guardian FROM guardian g
                               WHERE g.household_id = h.id ORDER BY (g.email IS NULL OR btrim(g.email) = ''), g.position
                               LIMIT 1) m ON true""";
    private static final String EMAILABLE = "(h.email_contact_consent AND m.email IS NOT NULL AND m.email <> '')";

    private final TransactionOperations<Connection> transactions;
    private final AuditLog auditLog;

    TrainingFamilies(TransactionOperations<Connection> transactions, AuditLog auditLog) {
        this.transactions = transactions;
        this.auditLog = auditLog;
    }

    /** A family as the session's pages show it; {@code attendeeId} only once invited. */
    @Serdeable
    public record Family(long householdId, String childName, @Nullable String guardian, @Nullable String phone,
                         boolean emailable, @Nullable Long attendeeId, @Nullable String channel,
                         @Nullable Attendance attendance) {
        public String attendanceLabel() {
            return attendance == null ? "未記録" : attendance.label();
        }

        public boolean byPhone() {
            return "PHONE".equals(channel);
        }
    }

    /** The families the chooser offers: eligible, not yet invited to this session. */
    public List<Family> candidates(Viewer viewer, long sessionId, String resource) {
        List<Family> found = transactions.executeRead(status -> select(status.getConnection(), """
                SELECT h.id, h.child_family_name || ' ' || h.child_given_name, m.guardian, m.phone, %s,
                       NULL::bigint, NULL::text, NULL::text
                FROM household h %s
                WHERE %s AND NOT EXISTS (SELECT 1 FROM training_attendee a WHERE a.session_id = ? AND a.household_id = h.id)
                ORDER BY h.child_family_name_kana, h.child_given_name_kana, h.id""".formatted(EMAILABLE, MAIL, ELIGIBLE),
                sessionId));
        audit(viewer, resource, found);
        return found;
    }

    /** The invited families, those to call first. */
    public List<Family> invited(Viewer viewer, long sessionId, String resource) {
        List<Family> found = transactions.executeRead(status -> select(status.getConnection(), """
                SELECT h.id, h.child_family_name || ' ' || h.child_given_name, m.guardian, m.phone, %s,
                       a.id, a.invited_by_channel, a.attendance
                FROM training_attendee a JOIN household h ON h.id = a.household_id %s
                WHERE a.session_id = ?
                ORDER BY a.invited_by_channel DESC, h.child_family_name_kana, h.child_given_name_kana, h.id"""
                .formatted(EMAILABLE, MAIL), sessionId));
        audit(viewer, resource, found);
        return found;
    }

    /** Whether each of these households may be invited (any other id is refused by the invitation). */
    static long countEligible(Connection connection, List<Long> householdIds) {
        return Jdbc.queryLong(connection, "SELECT count(*) FROM household h WHERE h.id = ANY (?) AND " + ELIGIBLE,
                Jdbc.bigints(connection, householdIds));
    }

    /** The chosen households' emailability, for the invitation; not audited (the caller shows only counts). */
    static List<Family> chosen(Connection connection, List<Long> householdIds) throws SQLException {
        return select(connection, """
                SELECT h.id, h.child_family_name || ' ' || h.child_given_name, m.guardian, NULL, %s, NULL::bigint,
                       NULL::text, NULL::text
                FROM household h %s WHERE h.id = ANY (?) ORDER BY h.id""".formatted(EMAILABLE, MAIL),
                Jdbc.bigints(connection, householdIds));
    }

    /** The first chosen family that can be emailed: its child's given name and address, for the preview. */
    static String[] sample(Connection connection, long householdId) throws SQLException {
        try (PreparedStatement select = Jdbc.prepare(connection, "SELECT h.child_given_name, m.email FROM household h "
                + MAIL + " WHERE h.id = ?", householdId); ResultSet row = select.executeQuery()) {
            return row.next() ? new String[] {row.getString(1), row.getString(2)} : null;
        }
    }

    private static List<Family> select(Connection connection, String sql, Object... parameters) throws SQLException {
        List<Family> families = new ArrayList<>();
        try (PreparedStatement select = Jdbc.prepare(connection, sql, parameters); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String attendance = row.getString(8);
                families.add(new Family(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getBoolean(5), (Long) row.getObject(6), row.getString(7),
                        attendance == null ? null : Attendance.valueOf(attendance)));
            }
        }
        return families;
    }

    private void audit(Viewer viewer, String resource, List<Family> families) {
        if (!families.isEmpty()) {
            auditLog.householdsRead(viewer, resource, families.stream()
                    .map(f -> new HouseholdAccess(f.householdId(), AccessBasis.CENTER)).toList());
        }
    }
}
