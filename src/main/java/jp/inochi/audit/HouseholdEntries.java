package jp.inochi.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import jp.inochi.access.Viewer;

/**
 * One audit entry per household shown, written by an {@code INSERT … SELECT} from the rows that show them. A list
 * puts {@link #insertFrom} in the WITH clause of the statement that selects it, so the list and its entries are one
 * statement in one transaction: no list leaves without its entries, and no round trip is spent on them.
 * The source has the columns {@code id}, {@code basis} and {@code position} (the order shown).
 */
public final class HouseholdEntries {
    /** The parameters are bound by {@link #bind}; %s is the source, aliased {@code shown}. */
    static final String INSERT = """
            INSERT INTO audit_log (occurred_at, actor_user_id, actor_username, actor_role, client_address, action,
                                   resource, subject_type, subject_id, household_id, basis, declaration_id, row_count)
            SELECT ?, ?, ?, ?, ?, ?, ?, 'household', shown.id::text, shown.id, shown.basis,
                   CASE WHEN shown.basis = 'DECLARATION' THEN active_disaster_declaration(?::text, ?::timestamptz) END,
                   CASE WHEN ?::boolean THEN (count(*) OVER ())::integer END
              FROM %s
             ORDER BY shown.position""";

    private final Viewer viewer;
    private final AuditAction action;
    private final String resource;
    private final Instant at;

    HouseholdEntries(Viewer viewer, AuditAction action, String resource, Instant at) {
        this.viewer = viewer;
        this.action = action;
        this.resource = resource;
        this.at = at;
    }

    /** The INSERT of one entry per row of {@code source}, e.g. {@code "listed AS shown"}. */
    public String insertFrom(String source) {
        return INSERT.formatted(source);
    }

    /** Binds the INSERT's own parameters from {@code first} on; returns the index of the next parameter. */
    public int bind(PreparedStatement statement, int first) throws SQLException {
        OffsetDateTime occurred = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        int i = first;
        statement.setObject(i++, occurred);
        statement.setLong(i++, viewer.userId());
        statement.setString(i++, viewer.username());
        statement.setString(i++, viewer.role().name());
        statement.setString(i++, viewer.clientAddress());
        statement.setString(i++, action.name());
        statement.setString(i++, resource);
        // entries on the DECLARATION basis name the declaration that opened the access in the viewer's municipality
        statement.setString(i++, viewer.municipalityCode());
        statement.setObject(i++, occurred);
        // an export carries its total row count on every entry
        statement.setBoolean(i++, action == AuditAction.EXPORT);
        return i;
    }
}
