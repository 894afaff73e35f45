package jp.inochi.atrisk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.AccessScope;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdEntries;
import jp.inochi.exposure.ExposureReadings;
import jp.inochi.exposure.HazardExposure;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.municipalities.Municipalities;
import jp.inochi.municipalities.Municipality;
import jp.inochi.platform.problem.NotFoundException;

/**
 * A municipal disaster office's list of its households in hazard zones: ventilator users first (seed 002, line 7483:
 * hazard-map checks look at ventilator users first; line 9025: contact ventilator users first), then by severity
 * relative to each hazard type's scale, then near a landslide zone. Scoped by {@code household_access_basis} in SQL
 * and audited, one entry per household shown.
 */
@Singleton
public class AtRiskList {
    /**
     * The households listed, with their position: parameters in order: scope (4), hazard type (2), minimum severity,
     * near, municipality code, ward code or null (2), plan statuses (text[] or null, 2), scope (4). The plan status
     * comes from the loans feature's view.
     */
    private static final String LISTED = """
            SELECT h.id, household_access_basis(h, ?, ?, ?, ?) AS basis,
                   h.child_family_name, h.child_given_name, h.child_family_name_kana, h.child_given_name_kana,
                   h.address, h.municipality_code, h.ward_code, h.ventilator_dependent,
                   ST_X(h.location), ST_Y(h.location),
                   p.located_municipality_code, p.located_ward_code, p.mismatch, p.mismatch_reason,
                   coalesce(ps.plan_status, 'NONE') AS plan_status, ps.plan_deadline,
                   row_number() OVER (ORDER BY h.ventilator_dependent DESC, r.worst DESC NULLS LAST,
                                               r.near DESC NULLS LAST, h.id) AS position
            FROM household h
            JOIN LATERAL (
                SELECT max(CASE WHEN e.status = 'IN_ZONE' THEN e.severity::float8 / t.max_severity END) AS worst,
                       bool_or(e.status = 'NEAR') AS near
                FROM household_hazard_exposure e
                JOIN hazard_type t ON t.code = e.hazard_type
                WHERE e.household_id = h.id
                  AND (?::text IS NULL OR e.hazard_type = ?::text)
                  AND ((e.status = 'IN_ZONE' AND e.severity >= ?) OR (e.status = 'NEAR' AND ?))
            ) r ON r.worst IS NOT NULL OR r.near
            LEFT JOIN household_place p ON p.household_id = h.id
            LEFT JOIN household_evacuation_plan_status ps ON ps.household_id = h.id
            WHERE h.municipality_code = ? AND (?::text IS NULL OR h.ward_code = ?)
              AND (?::text[] IS NULL OR coalesce(ps.plan_status, 'NONE') = ANY (?::text[]))
              AND household_access_basis(h, ?, ?, ?, ?) IS NOT NULL""";

    /** Each household listed with its exposure details, one row per stored exposure, in the list's order. */
    private static final String SHOWN = "SELECT listed.*, " + ExposureReadings.DETAIL_COLUMNS + """

            FROM listed
            LEFT JOIN household_hazard_exposure e ON e.household_id = listed.id
            """ + ExposureReadings.DETAIL_JOINS + "\nORDER BY listed.position";

    /** The first exposure column of {@link #SHOWN}: after the 18 columns of a household and its position. */
    private static final int EXPOSURE_COLUMNS = 20;

    /** The list's SELECT (parameters as {@link #LISTED}); what the service runs adds only the audit entries' INSERT. */
    public static final String QUERY = "WITH listed AS (\n" + LISTED + "\n)\n" + SHOWN;

    /** The list and its audit entries in one statement: the entries' parameters follow the list's. */
    static String audited(HouseholdEntries entries) {
        return "WITH listed AS (\n" + LISTED + "\n), audited AS (\n" + entries.insertFrom("listed AS shown") + "\n)\n" + SHOWN;
    }

    private final TransactionOperations<Connection> transactions;
    private final Municipalities municipalities;
    private final AuditLog auditLog;
    private final Clock clock;

    AtRiskList(TransactionOperations<Connection> transactions, Municipalities municipalities, AuditLog auditLog,
               Clock clock) {
        this.transactions = transactions;
        this.municipalities = municipalities;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The list with what people need to read it right: the filters, the notice about 指定なし, and the data credits. */
    @Serdeable
    public record Result(Municipality municipality, Instant generatedAt, AtRiskFilter filter, String notice, int count,
                         List<AtRiskHousehold> households, List<Credit> credits) {
    }

    /** The source and licence of a hazard layer the list was built from. */
    @Serdeable
    public record Credit(String layerName, String hazardLabel, String source, @Nullable String licence,
                         @Nullable String credit) {
    }

    /** 出典（洪水・layer）: the credit or source（licence）, as a file's notes give it. */
    public static String creditLine(Credit credit) {
        return "出典（" + credit.hazardLabel() + "・" + credit.layerName() + "）: "
                + (credit.credit() != null ? credit.credit() : credit.source())
                + (credit.licence() != null ? "（" + credit.licence() + "）" : "");
    }

    /**
     * The at-risk households of the municipality (or ward) that the viewer may see. A municipal officer asking for
     * another municipality gets 404, as for any household outside their scope.
     *
     * @param export true when the list leaves the service as a file (CSV, GeoJSON): audited as an export
     */
    public Result list(Viewer viewer, String code, AtRiskFilter filter, boolean export, String resource) {
        Municipality municipality = municipalities.municipality(code).or(() -> municipalities.ward(code))
                .filter(found -> mayAsk(viewer, found))
                .orElseThrow(() -> new NotFoundException("市町村"));
        AccessScope scope = viewer.scope(clock);
        HouseholdEntries entries = export ? auditLog.householdsExportedBy(viewer, resource)
                : auditLog.householdsReadBy(viewer, resource);
        // the statement that selects the list writes its audit entries: the list leaves only if they were written
        return transactions.executeWrite(status -> {
            Result result = query(status.getConnection(), scope, municipality, filter, entries);
            if (export && result.households().isEmpty()) {
                auditLog.householdsExported(viewer, resource, List.of());
            }
            return result;
        });
    }

    private static boolean mayAsk(Viewer viewer, Municipality municipality) {
        if (viewer.isCenter()) {
            return true;
        }
        if (!viewer.isMunicipalOfficer()) {
            return false;
        }
        return municipality.code().equals(viewer.municipalityCode())
                || Objects.equals(municipality.parentCode(), viewer.municipalityCode())
                && (viewer.wardCode() == null || viewer.wardCode().equals(municipality.code()));
    }

    private Result query(Connection connection, AccessScope scope, Municipality municipality, AtRiskFilter filter,
                         HouseholdEntries entries) throws SQLException {
        List<AtRiskHousehold> list = new ArrayList<>();
        java.time.LocalDate today = jp.inochi.platform.time.JapanTime.today(clock);
        Sources sources = sources(connection);
        try (PreparedStatement select = connection.prepareStatement(audited(entries))) {
            int i = bindScope(select, 1, scope);
            String type = filter.hazardType() == null ? null : filter.hazardType().name();
            select.setString(i++, type);
            select.setString(i++, type);
            select.setInt(i++, filter.minSeverity());
            select.setBoolean(i++, filter.includeNear());
            // a ward is asked for by its city's code and its own, so the municipality index is used
            boolean ward = municipality.parentCode() != null;
            select.setString(i++, ward ? municipality.parentCode() : municipality.code());
            select.setString(i++, ward ? municipality.code() : null);
            select.setString(i++, ward ? municipality.code() : null);
            java.sql.Array statuses = filter.planStatuses() == null ? null
                    : connection.createArrayOf("text", filter.planStatuses().toArray());
            select.setArray(i++, statuses);
            select.setArray(i++, statuses);
            entries.bind(select, bindScope(select, i, scope));
            try (ResultSet row = select.executeQuery()) {
                AtRiskHousehold household = null;
                Map<HazardType, HazardExposure> found = new EnumMap<>(HazardType.class);
                while (row.next()) {
                    if (household == null || household.id() != row.getLong(1)) {
                        if (household != null) {
                            list.add(withExposures(household, found, sources.types()));
                            found.clear();
                        }
                        household = household(row, today);
                    }
                    HazardExposure exposure = ExposureReadings.read(row, EXPOSURE_COLUMNS);
                    if (exposure != null) {
                        found.put(exposure.hazardType(), exposure);
                    }
                }
                if (household != null) {
                    list.add(withExposures(household, found, sources.types()));
                }
            }
        }
        return new Result(municipality, clock.instant(), filter, HazardExposure.NOTICE, list.size(), list,
                sources.credits());
    }

    /** A household of the list from its row, its exposures still to come from the rows that follow. */
    private static AtRiskHousehold household(ResultSet row, java.time.LocalDate today) throws SQLException {
        String reason = row.getString(16);
        AtRiskHousehold.Place place = row.getObject(15) == null ? null : new AtRiskHousehold.Place(
                row.getString(13), row.getString(14), row.getBoolean(15), reason, mismatchLabel(reason));
        return new AtRiskHousehold(row.getLong(1), AccessBasis.valueOf(row.getString(2)),
                row.getString(3) + " " + row.getString(4), row.getString(5) + " " + row.getString(6),
                row.getString(7), row.getString(8), row.getString(9), row.getBoolean(10), row.getDouble(11),
                row.getDouble(12), List.of(), place, plan(row.getString(17), row.getObject(18, java.time.LocalDate.class), today));
    }

    private static AtRiskHousehold withExposures(AtRiskHousehold household, Map<HazardType, HazardExposure> found,
                                                 Set<HazardType> evaluated) {
        return new AtRiskHousehold(household.id(), household.basis(), household.childName(), household.childNameKana(),
                household.address(), household.municipalityCode(), household.wardCode(), household.ventilatorDependent(),
                household.longitude(), household.latitude(), ExposureReadings.complete(found, evaluated),
                household.place(), household.evacuationPlanStatus());
    }

    /** The plan status with its label; overdue once the application deadline has passed unapplied (seed 000, line 540). */
    public static AtRiskHousehold.EvacuationPlan plan(String status, java.time.LocalDate deadline, java.time.LocalDate today) {
        if (status.equals("NONE")) {
            return new AtRiskHousehold.EvacuationPlan(status, "貸与なし", null, false);
        }
        String label = jp.inochi.loans.model.PlanStatus.valueOf(status).label();
        boolean overdue = status.equals("NOT_APPLIED") && deadline != null && deadline.isBefore(today);
        return new AtRiskHousehold.EvacuationPlan(status, overdue ? label + "（期限超過）" : label, deadline, overdue);
    }

    static int bindScope(PreparedStatement statement, int first, AccessScope scope) throws SQLException {
        statement.setString(first, scope.roleName());
        statement.setString(first + 1, scope.municipalityCode());
        statement.setString(first + 2, scope.wardCode());
        statement.setTimestamp(first + 3, Timestamp.from(scope.at()));
        return first + 4;
    }

    static String mismatchLabel(String reason) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case "MUNICIPALITY" -> "位置が届出の市町村の区域外です";
            case "WARD" -> "位置が届出の区の区域外です";
            default -> "位置がどの市町村の区域にも入りません";
        };
    }

    /** The credits of the current hazard layers, and so the hazard types that have one (evaluated). */
    private record Sources(List<Credit> credits, Set<HazardType> types) {
    }

    public static List<Credit> credits(Connection connection) throws SQLException {
        return sources(connection).credits();
    }

    private static Sources sources(Connection connection) throws SQLException {
        List<Credit> credits = new ArrayList<>();
        Set<HazardType> types = EnumSet.noneOf(HazardType.class);
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT l.name, t.label, v.source, v.licence, v.credit, t.code
                FROM geo_layer l JOIN geo_layer_version v ON v.id = l.current_version_id
                JOIN hazard_type t ON t.code = l.hazard_type
                WHERE l.kind = 'HAZARD' ORDER BY t.display_order, l.name""");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                credits.add(new Credit(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5)));
                types.add(HazardType.valueOf(row.getString(6)));
            }
        }
        return new Sources(credits, types);
    }
}
