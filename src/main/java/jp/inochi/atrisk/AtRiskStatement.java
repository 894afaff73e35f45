package jp.inochi.atrisk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import jp.inochi.access.AccessScope;
import jp.inochi.audit.HouseholdEntries;
import jp.inochi.exposure.ExposureReadings;
import jp.inochi.municipalities.Municipality;

/**
 * The at-risk list's one statement: ranks the municipality's households that have an at-risk exposure (scope applied
 * after that join), cuts the page (or takes them all for an export), and only then reads the page's names, places,
 * plan statuses and exposure details and writes their audit entries. The total comes with it, even for an empty page.
 */
public final class AtRiskStatement {
    /** The list's order: ventilator users first, then the worst severity on its scale, then near a landslide zone. */
    private static final String ORDER = "ventilator_dependent DESC, worst DESC NULLS LAST, near DESC NULLS LAST, id";

    /**
     * The households at risk, in no order yet: parameters scope (4), hazard type (2), minimum severity, near,
     * municipality code, ward code or null (2), plan statuses (text[] or null, 2), scope (4). Each home of the
     * municipality costs one probe of the exposures' primary key (at 1M homes a partial index of the at-risk rows was
     * not chosen by the planner, and forced it was slower; a hash join over all at-risk rows slower still); the plan
     * status is looked up only when filtered on (one running loan per household: loan_household_not_ended).
     */
    private static final String CANDIDATES = """
            SELECT h.id, household_access_basis(h, ?, ?, ?, ?) AS basis, h.ventilator_dependent, r.worst, r.near
            FROM household h
            JOIN LATERAL (
                SELECT max(CASE WHEN e.status = 'IN_ZONE' THEN e.severity::float8 / t.max_severity END) AS worst,
                       bool_or(e.status = 'NEAR') AS near
                FROM household_hazard_exposure e
                JOIN hazard_type t ON t.code = e.hazard_type
                WHERE e.household_id = h.id AND e.status <> 'NOT_DESIGNATED'
                  AND (?::text IS NULL OR e.hazard_type = ?::text)
                  AND ((e.status = 'IN_ZONE' AND e.severity >= ?) OR (e.status = 'NEAR' AND ?))
            ) r ON r.worst IS NOT NULL OR r.near
            WHERE h.municipality_code = ? AND (?::text IS NULL OR h.ward_code = ?)
              AND (?::text[] IS NULL OR coalesce((SELECT ps.plan_status FROM household_evacuation_plan_status ps
                                                  WHERE ps.household_id = h.id), 'NONE') = ANY (?::text[]))
              AND household_access_basis(h, ?, ?, ?, ?) IS NOT NULL""";

    /** The page's households with what the list shows of them: LIMIT (null for all) and OFFSET follow CANDIDATES'. */
    private static final String LISTED = """
            SELECT h.id, page.basis,
                   h.child_family_name, h.child_given_name, h.child_family_name_kana, h.child_given_name_kana,
                   h.address, h.municipality_code, h.ward_code, h.ventilator_dependent,
                   ST_X(h.location), ST_Y(h.location),
                   p.located_municipality_code, p.located_ward_code, p.mismatch, p.mismatch_reason,
                   coalesce(ps.plan_status, 'NONE') AS plan_status, ps.plan_deadline,
                   row_number() OVER (ORDER BY %1$s) AS position
            FROM (SELECT * FROM candidates ORDER BY %2$s LIMIT ? OFFSET ?) page
            JOIN household h ON h.id = page.id
            LEFT JOIN household_place p ON p.household_id = h.id
            LEFT JOIN household_evacuation_plan_status ps ON ps.household_id = h.id""".formatted(
            "page." + ORDER.replace(", ", ", page."), ORDER);

    /** One row per exposure of each household listed, in the list's order; one row of nulls and the total when none. */
    private static final String SHOWN = "SELECT listed.*, " + ExposureReadings.DETAIL_COLUMNS + """
            , counted.total
            FROM (SELECT count(*) AS total FROM candidates) counted
            LEFT JOIN listed ON true
            LEFT JOIN household_hazard_exposure e ON e.household_id = listed.id
            """ + ExposureReadings.DETAIL_JOINS + "\nORDER BY listed.position";

    /** The first exposure column of {@link #SHOWN}: after the 18 columns of a household and its position. */
    static final int EXPOSURE_COLUMNS = 20;

    private static final String WITH = "WITH candidates AS MATERIALIZED (\n" + CANDIDATES
            + "\n), listed AS (\n" + LISTED + "\n)";

    private AtRiskStatement() {
    }

    /** The list and its audit entries in one statement: the entries' parameters follow the list's. */
    public static String audited(HouseholdEntries entries) {
        return WITH + ", audited AS (\n" + entries.insertFrom("listed AS shown") + "\n)\n" + SHOWN;
    }

    /**
     * Binds the list's parameters; {@code limit} null lists every household. A ward is asked for by its city's code
     * and its own, so the municipality index is used. Returns the index of the next parameter (the audit entries').
     */
    static int bind(PreparedStatement select, Connection connection, AccessScope scope, Municipality municipality,
                    AtRiskFilter filter, Integer limit, long offset) throws SQLException {
        int i = scope.bind(select, 1);
        String type = filter.hazardType() == null ? null : filter.hazardType().name();
        select.setString(i++, type);
        select.setString(i++, type);
        select.setInt(i++, filter.minSeverity());
        select.setBoolean(i++, filter.includeNear());
        boolean ward = municipality.parentCode() != null;
        select.setString(i++, ward ? municipality.parentCode() : municipality.code());
        select.setString(i++, ward ? municipality.code() : null);
        select.setString(i++, ward ? municipality.code() : null);
        java.sql.Array statuses = filter.planStatuses() == null ? null
                : connection.createArrayOf("text", filter.planStatuses().toArray());
        select.setArray(i++, statuses);
        select.setArray(i++, statuses);
        i = scope.bind(select, i);
        select.setObject(i++, limit, java.sql.Types.INTEGER);
        select.setLong(i++, offset);
        return i;
    }
}
