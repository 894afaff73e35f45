package jp.inochi.atrisk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.boundaries.BoundaryOutlines;
import jp.inochi.exposure.HazardExposure;
import jp.inochi.hazards.LayerCatalogue;
import jp.inochi.layers.LayerKind;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdRepository;
import jp.inochi.households.VisibleHouseholdRow;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.atrisk.AtRiskFilter;
import jp.inochi.atrisk.AtRiskHousehold;
import jp.inochi.atrisk.AtRiskList;
import jp.inochi.municipalities.MunicipalityNames;
import jp.inochi.web.Pages;
import jp.inochi.web.UiText;
import jp.inochi.hazards.HazardLegend;

/**
 * The municipal disaster office's screens: the map of the municipality (hazard zones as vector tiles in the standard
 * colours, households as markers by worst exposure, clustered when zoomed out, the municipal boundaries with their
 * credit) and the at-risk list with the API's filters and its CSV. The
 * list is {@link AtRiskList} itself — scoped in SQL, one audit entry per household with its basis — and the CSV is
 * the API's export. Center staff choose the municipality; an officer always sees their own.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
@ExecuteOn(TaskExecutors.BLOCKING)
final class MapPages {
    static final String MAP = "/map";
    static final String LIST = "/at-risk";
    static final String BOUNDARIES = "/api/boundary-layers/areas.geojson";

    private final AtRiskList atRisk;
    private final LayerCatalogue layers;
    private final HouseholdRepository households;
    private final AuditLog auditLog;
    private final HazardLegend legend;
    private final MunicipalityNames names;
    private final BoundaryOutlines outlines;
    private final Pages pages;
    private final JsonMapper json;
    private final Clock clock;

    MapPages(AtRiskList atRisk, LayerCatalogue layers, HouseholdRepository households, AuditLog auditLog,
             HazardLegend legend, MunicipalityNames names, BoundaryOutlines outlines, Pages pages, JsonMapper json,
             Clock clock) {
        this.atRisk = atRisk;
        this.layers = layers;
        this.households = households;
        this.auditLog = auditLog;
        this.legend = legend;
        this.names = names;
        this.outlines = outlines;
        this.pages = pages;
        this.json = json;
        this.clock = clock;
    }

    record Option(String value, String label) {
    }

    @Get(MAP)
    @View("atrisk/map")
    Map<String, Object> map(Viewer viewer, @Nullable @QueryValue String code) throws IOException {
        String municipality = municipalityFor(viewer, code);
        Map<String, Object> model = pages.model(viewer, "ハザードマップ", "map");
        Set<HazardType> withLayers = typesWithLayers();
        model.put("legend", legend.types(withLayers));
        model.put("legendJson", legend.json(withLayers));
        model.put("code", municipality == null ? "" : municipality);
        model.put("municipalityName", municipality == null ? "熊本県全域" : names.of(municipality));
        model.put("municipalities", viewer.isCenter() ? names.municipalities() : List.of());
        model.put("bounds", municipality == null ? null : bounds(viewer, municipality));
        model.put("notice", HazardExposure.NOTICE);
        model.put("noLayers", withLayers.isEmpty());
        model.put("credits", layers.current(LayerKind.HAZARD).stream().filter(l -> l.current() != null)
                .map(l -> new Option(l.name(), l.current().credit() != null ? l.current().credit() : l.current().source()))
                .toList());
        // An officer's map outlines their own area only; the center's every border, the chosen one in bold.
        model.put("boundaries", BOUNDARIES + (viewer.isMunicipalOfficer() ? "?code=" + municipality : ""));
        model.put("boundaryCredit", outlines.credit());
        return model;
    }

    /**
     * Where the map opens: around the homes of the municipality the viewer may see (a read of their locations, audited
     * as such); null when there are none, and the map shows the prefecture.
     */
    @Nullable
    private String bounds(Viewer viewer, String municipality) throws IOException {
        // The scope already narrows an officer of a ward to it; the filter is by municipality.
        String filter = viewer.isMunicipalOfficer() ? viewer.municipalityCode() : municipality;
        List<VisibleHouseholdRow> visible = households.findVisible(viewer.scope(clock), filter, 500, 0);
        List<Household> homes = visible.isEmpty() ? List.of()
                : households.findByIdInOrderById(visible.stream().map(VisibleHouseholdRow::id).toList()).stream()
                        .filter(h -> h.longitude() != null && h.latitude() != null).toList();
        auditLog.householdsRead(viewer, MAP, visible.stream()
                .map(row -> new HouseholdAccess(row.id(), AccessBasis.valueOf(row.basis()))).toList());
        if (homes.isEmpty()) {
            return null;
        }
        double south = homes.stream().mapToDouble(Household::latitude).min().orElseThrow();
        double north = homes.stream().mapToDouble(Household::latitude).max().orElseThrow();
        double west = homes.stream().mapToDouble(Household::longitude).min().orElseThrow();
        double east = homes.stream().mapToDouble(Household::longitude).max().orElseThrow();
        return json.writeValueAsString(List.of(List.of(south, west), List.of(north, east)));
    }

    @Get(LIST)
    @View("atrisk/list")
    Map<String, Object> list(Viewer viewer, @Nullable @QueryValue String code, @Nullable @QueryValue String hazardType,
                             @Nullable @QueryValue String minSeverity, @Nullable @QueryValue String includeNear,
                             @Nullable @QueryValue List<String> planStatus) {
        String municipality = municipalityFor(viewer, code);
        Map<String, Object> model = pages.model(viewer, "ハザード区域内の世帯", "atrisk");
        model.put("municipalities", viewer.isCenter() ? names.municipalities() : List.of());
        model.put("hazardTypes", java.util.Arrays.stream(HazardType.values())
                .map(t -> new Option(t.name(), t.label())).toList());
        model.put("planStatuses", List.of(new Option("NOT_APPLIED", "未申請"), new Option("APPLIED", "申請済"),
                new Option("ACCEPTED", "受理済"), new Option("COMPLETED", "作成済"), new Option("NONE", "貸与なし")));
        HazardType type = hazardType == null || hazardType.isBlank() ? null : HazardType.parse(hazardType).orElse(null);
        Integer severity = parseSeverity(minSeverity, type);
        List<String> statuses = planStatus == null ? List.of() : planStatus.stream()
                .filter(AtRiskFilter.PLAN_STATUSES::contains).distinct().toList();
        boolean near = includeNear == null ? severity == null : "true".equals(includeNear);
        AtRiskFilter filter = new AtRiskFilter(type, severity == null ? 1 : severity, near,
                statuses.isEmpty() ? null : statuses);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("hazardType", type == null ? "" : type.name());
        query.put("minSeverity", severity == null ? "" : String.valueOf(severity));
        query.put("includeNear", String.valueOf(near));
        query.put("planStatus", String.join(",", statuses));
        model.put("query", query);
        model.put("statusesChosen", statuses);
        model.put("code", municipality == null ? "" : municipality);
        if (municipality == null) {
            model.put("result", null);
            return model;
        }
        AtRiskList.Result result = atRisk.list(viewer, municipality, filter, false, LIST);
        model.put("result", result);
        List<HazardType> shown = typesShown(result);
        model.put("typesShown", shown);
        model.put("typesWithoutData", java.util.Arrays.stream(HazardType.values()).filter(t -> !shown.contains(t))
                .map(HazardType::label).toList());
        model.put("ventilators", result.households().stream().filter(AtRiskHousehold::ventilatorDependent).count());
        model.put("csv", "/api/municipalities/" + municipality + "/at-risk?format=csv" + queryString(query));
        model.put("xlsx", "/api/municipalities/" + municipality + "/at-risk?format=xlsx" + queryString(query));
        model.put("municipalityName", result.municipality().name());
        return model;
    }

    /** Hazard types with data for some household of the list; the others are named once above the table. */
    private static List<HazardType> typesShown(AtRiskList.Result result) {
        EnumSet<HazardType> types = EnumSet.noneOf(HazardType.class);
        result.households().forEach(h -> h.exposures().stream().filter(e -> !e.status().equals("NOT_EVALUATED"))
                .forEach(e -> types.add(e.hazardType())));
        return new ArrayList<>(types);
    }

    @Nullable
    private static Integer parseSeverity(@Nullable String text, @Nullable HazardType type) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int max = type == null ? 6 : type.maxSeverity();
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the error
        }
        throw new InvalidInputException("minSeverity", UiText.of("error.min-severity", max));
    }

    private static String queryString(Map<String, String> query) {
        StringBuilder text = new StringBuilder();
        query.forEach((name, value) -> {
            if (!value.isEmpty()) {
                text.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return text.toString();
    }

    /** An officer's own municipality (or ward); for the center the one asked for, if it is one of the 45 (or a ward). */
    @Nullable
    private String municipalityFor(Viewer viewer, @Nullable String code) {
        if (viewer.isMunicipalOfficer()) {
            return viewer.wardCode() != null ? viewer.wardCode() : viewer.municipalityCode();
        }
        if (code == null || code.isBlank()) {
            return null;
        }
        if (!code.matches("43\\d{3}") || "—".equals(names.of(code)) || names.of(code).equals(code)) {
            throw new NotFoundException("市町村");
        }
        return code;
    }

    private Set<HazardType> typesWithLayers() {
        EnumSet<HazardType> types = EnumSet.noneOf(HazardType.class);
        layers.current(LayerKind.HAZARD).stream().filter(l -> l.current() != null && l.hazardType() != null)
                .forEach(l -> types.add(l.hazardType()));
        return types;
    }
}
