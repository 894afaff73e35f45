package jp.inochi.atrisk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import jp.inochi.web.Pager;

/**
 * A municipal disaster office's list of its households in hazard zones: ventilator users first (seed 002, line 7483:
 * hazard-map checks look at ventilator users first; line 9025: contact ventilator users first), then by severity
 * relative to each hazard type's scale, then near a landslide zone. Scoped by {@code household_access_basis} in SQL
 * and audited, one entry per household shown ({@link AtRiskStatement}): the JSON a page at a time, files whole.
 */
@Singleton
public class AtRiskList {
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

    /**
     * The list with what people need to read it right: the filters, the notice about 指定なし, and the data credits.
     * {@code count} is the households shown here (each audited); {@code total} all that the filter and scope keep;
     * a whole list is its one page.
     */
    @Serdeable
    public record Result(Municipality municipality, Instant generatedAt, AtRiskFilter filter, String notice, int count,
                         long total, int page, int pageSize, boolean hasNext, List<AtRiskHousehold> households,
                         List<Credit> credits) {
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
     * Every at-risk household of the municipality (or ward) that the viewer may see: the screen and the files. A
     * municipal officer asking for another municipality gets 404, as for any household outside their scope.
     *
     * @param export true when the list leaves the service as a file (CSV, GeoJSON): audited as an export
     */
    public Result list(Viewer viewer, String code, AtRiskFilter filter, boolean export, String resource) {
        Municipality municipality = asked(viewer, code);
        AccessScope scope = viewer.scope(clock);
        HouseholdEntries entries = export ? auditLog.householdsExportedBy(viewer, resource)
                : auditLog.householdsReadBy(viewer, resource);
        // the statement that selects the list writes its audit entries: the list leaves only if they were written
        return transactions.executeWrite(status -> {
            Listed listed = query(status.getConnection(), scope, municipality, filter, entries, null, 0);
            if (export && listed.households().isEmpty()) {
                auditLog.householdsExported(viewer, resource, List.of());
            }
            return result(listed, municipality, filter, 1, listed.households().size(), false);
        });
    }

    /**
     * One page of the list ({@link Pager}: 50 a page, from 1; past the end, the last page), read and audited: only the
     * households of the page are read, and each is audited, in one statement with the page.
     */
    public Result page(Viewer viewer, String code, AtRiskFilter filter, int requested, String resource) {
        Municipality municipality = asked(viewer, code);
        AccessScope scope = viewer.scope(clock);
        HouseholdEntries entries = auditLog.householdsReadBy(viewer, resource);
        String path = "/api/municipalities/" + municipality.code() + "/at-risk";
        return transactions.executeWrite(status -> {
            Pager asked = Pager.of(path, Map.of(), requested, (long) requested * Pager.SIZE);
            Listed listed = query(status.getConnection(), scope, municipality, filter, entries, asked.limit(), asked.offset());
            Pager pager = Pager.of(path, Map.of(), requested, listed.total());
            if (pager.page() != asked.page() && listed.total() > 0) {
                // past the end: nothing was shown nor audited; the last page is
                listed = query(status.getConnection(), scope, municipality, filter, entries, pager.limit(), pager.offset());
            }
            return result(listed, municipality, filter, pager.page(), pager.size(), pager.hasNext());
        });
    }

    private Municipality asked(Viewer viewer, String code) {
        return municipalities.municipality(code).or(() -> municipalities.ward(code))
                .filter(found -> mayAsk(viewer, found))
                .orElseThrow(() -> new NotFoundException("市町村"));
    }

    private Result result(Listed listed, Municipality municipality, AtRiskFilter filter, int page, int pageSize,
                          boolean hasNext) {
        return new Result(municipality, clock.instant(), filter, HazardExposure.NOTICE, listed.households().size(),
                listed.total(), page, pageSize, hasNext, listed.households(), listed.credits());
    }

    /** The households of one statement's page, with the total the filter and scope keep. */
    private record Listed(List<AtRiskHousehold> households, long total, List<Credit> credits) {
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

    private Listed query(Connection connection, AccessScope scope, Municipality municipality, AtRiskFilter filter,
                         HouseholdEntries entries, Integer limit, long offset) throws SQLException {
        List<AtRiskHousehold> list = new ArrayList<>();
        java.time.LocalDate today = jp.inochi.platform.time.JapanTime.today(clock);
        Sources sources = sources(connection);
        long total = 0;
        try (PreparedStatement select = connection.prepareStatement(AtRiskStatement.audited(entries))) {
            // planned for its values each time, as psql does: a generic plan can't drop the filters not asked for
            select.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
            entries.bind(select, AtRiskStatement.bind(select, connection, scope, municipality, filter, limit, offset));
            try (ResultSet row = select.executeQuery()) {
                AtRiskHousehold household = null;
                Map<HazardType, HazardExposure> found = new EnumMap<>(HazardType.class);
                while (row.next()) {
                    total = row.getLong("total");
                    if (row.getObject(1) == null) {
                        continue; // the page is empty: the row only carries the total
                    }
                    if (household == null || household.id() != row.getLong(1)) {
                        if (household != null) {
                            list.add(withExposures(household, found, sources.types()));
                            found.clear();
                        }
                        household = household(row, today);
                    }
                    HazardExposure exposure = ExposureReadings.read(row, AtRiskStatement.EXPOSURE_COLUMNS);
                    if (exposure != null) {
                        found.put(exposure.hazardType(), exposure);
                    }
                }
                if (household != null) {
                    list.add(withExposures(household, found, sources.types()));
                }
            }
        }
        return new Listed(list, total, sources.credits());
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
