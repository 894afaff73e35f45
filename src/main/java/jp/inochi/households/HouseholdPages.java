package jp.inochi.households;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdDirectory;
import jp.inochi.households.HouseholdRepository;
import jp.inochi.households.HouseholdView;
import jp.inochi.households.Households;
import jp.inochi.households.PlanStatusRow;
import jp.inochi.households.VisibleHouseholdRow;
import jp.inochi.lifecycle.LifecycleEventRepository;
import jp.inochi.lifecycle.SubjectType;
import jp.inochi.platform.search.SearchQuery;
import jp.inochi.timeline.Timelines;
import jp.inochi.web.Flash;
import jp.inochi.web.Form;
import jp.inochi.municipalities.MunicipalityNames;
import jp.inochi.web.PageSection;
import jp.inochi.web.PageSections;
import jp.inochi.web.Pages;
import jp.inochi.web.UiText;
import jp.inochi.web.Submission;

/**
 * Households on screen. Center staff register, correct and locate homes (pin drop or coordinates) through
 * {@link Households}; everyone sees only what {@code household_access_basis} lets them (officers the minimum view,
 * never clinical detail), and every household shown is written to the audit log with its basis, as the API does.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
final class HouseholdPages {
    static final String LIST = "/households";
    static final String PAGE = "/households/{id}";

    private final Households households;
    private final HouseholdFactsRepository facts;
    private final LifecycleEventRepository events;
    private final HouseholdSearch search;
    private final HouseholdDirectory directory;
    private final HouseholdRepository repository;
    private final AuditLog auditLog;
    private final MunicipalityNames names;
    private final Pages pages;
    private final Flash flash;
    private final Validator validator;
    private final PageSections sections;
    private final HomePlace places;
    private final Timelines timelines;
    private final Clock clock;

    HouseholdPages(Households households, HouseholdSearch search, HouseholdDirectory directory, HouseholdRepository repository,
                   AuditLog auditLog, MunicipalityNames names, Pages pages, Flash flash, Validator validator,
                   PageSections sections, HomePlace places, Timelines timelines, HouseholdFactsRepository facts,
                   LifecycleEventRepository events, Clock clock) {
        this.households = households;
        this.facts = facts;
        this.events = events;
        this.search = search;
        this.directory = directory;
        this.repository = repository;
        this.auditLog = auditLog;
        this.names = names;
        this.pages = pages;
        this.flash = flash;
        this.validator = validator;
        this.sections = sections;
        this.places = places;
        this.timelines = timelines;
        this.clock = clock;
    }

    /** A row of the list: only the minimum (name, address, care, plan) and the basis it is shown on. */
    record Row(long id, String childName, String childNameKana, String municipality, String address, String careType,
               boolean ventilatorDependent, @Nullable String planStatus, @Nullable String planStatusLabel,
               AccessBasis basis) {
    }

    @Get(LIST)
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
    ModelAndView<Map<String, Object>> list(Viewer viewer, @Nullable @QueryValue String municipalityCode,
                                           @Nullable @QueryValue String q, @Nullable @QueryValue Integer page) {
        String filter = municipalityCode == null || municipalityCode.isBlank() || !municipalityCode.matches("\\d{5}")
                ? null : municipalityCode;
        SearchQuery query = SearchQuery.of(q);
        HouseholdSearch.Found found = search.find(viewer.scope(clock), filter, query, page);
        List<VisibleHouseholdRow> shown = found.rows();
        List<Long> ids = shown.stream().map(VisibleHouseholdRow::id).toList();
        Map<Long, Household> byId = ids.isEmpty() ? Map.of() : repository.findByIdInOrderById(ids).stream()
                .collect(Collectors.toMap(Household::id, Function.identity()));
        Map<Long, PlanStatusRow> plans = ids.isEmpty() ? Map.of() : repository.findPlanStatuses(ids).stream()
                .collect(Collectors.toMap(PlanStatusRow::householdId, Function.identity(), (a, b) -> a));
        auditLog.householdsRead(viewer, LIST, shown.stream()
                .map(row -> new HouseholdAccess(row.id(), AccessBasis.valueOf(row.basis()))).toList());
        List<Row> rows = shown.stream().map(row -> {
            Household h = byId.get(row.id());
            PlanStatusRow plan = plans.get(row.id());
            String status = plan == null ? null : plan.planStatus();
            return new Row(h.id(), h.childFamilyName() + " " + h.childGivenName(),
                    h.childFamilyNameKana() + " " + h.childGivenNameKana(), names.of(h.municipalityCode(), h.wardCode()),
                    h.address(), HouseholdView.careType(h), h.ventilatorDependent(),
                    status, status == null ? null : planStatusLabel(status),
                    AccessBasis.valueOf(row.basis()));
        }).toList();
        Map<String, Object> model = pages.model(viewer, viewer.isCenter() ? "世帯" : "世帯一覧", "households");
        model.put("rows", rows);
        model.put("pager", found.pager());
        model.put("q", query.typed());
        model.put("searchKeeps", filter == null ? Map.of() : Map.of("municipalityCode", filter));
        model.put("municipalityCode", filter == null ? "" : filter);
        model.put("municipalities", viewer.isCenter() ? names.municipalities() : List.of());
        return new ModelAndView<>("households/list", model);
    }

    /** The plan status is the loan's (個別避難計画); the loan feature gives its words. */
    private String planStatusLabel(String planStatus) {
        return timelines.state(SubjectType.LOAN, planStatus);
    }

    // ---- registering

    @Get("/households/new")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    ModelAndView<Map<String, Object>> newForm(Viewer viewer) {
        return formPage(viewer, Form.blank("household", "prefectureCode", "43", "nicuInKumamoto", "true",
                "ventilatorDependent", "true", "livesAtHome", "true", "sharesWithMunicipality", "true", "emailContactConsent", "false",
                "spareBatteryCount", "0"), null);
    }

    @Post(value = "/households", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    HttpResponse<?> register(HttpRequest<?> request, Viewer viewer, @Body Map<String, Object> body) {
        Form form = Form.of("household", body);
        var command = HouseholdForms.read(form);
        Submission<Household> done = Submission.run(form, validator, command, c -> households.register(viewer, c));
        if (done.done()) {
            return flash.seeOther(request, "/households/" + done.result().id(), "household.registered");
        }
        return HttpResponse.status(done.status()).body(formPage(viewer, form, null));
    }

    // ---- correcting

    @Get("/households/{id}/edit")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    ModelAndView<Map<String, Object>> editForm(Viewer viewer, @PathVariable long id) {
        HouseholdDirectory.VisibleHousehold visible = directory.read(viewer, id, "/households/{id}/edit");
        return formPage(viewer, HouseholdForms.of("household", visible.household(),
                facts.findLivesAtHome(id).orElse(true), visible.guardians()), id);
    }

    @Post(value = "/households/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    HttpResponse<?> correct(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("household", body);
        var command = HouseholdForms.read(form);
        Submission<Household> done = Submission.run(form, validator, command, c -> households.correct(viewer, id, c));
        if (done.done()) {
            return flash.seeOther(request, "/households/" + id, "household.corrected");
        }
        return HttpResponse.status(done.status()).body(formPage(viewer, form, id));
    }

    private ModelAndView<Map<String, Object>> formPage(Viewer viewer, Form form, @Nullable Long id) {
        Map<String, Object> model = pages.model(viewer, id == null ? "世帯を登録する" : "世帯の情報を訂正する", "households");
        model.put("form", form);
        model.put("householdId", id);
        model.put("prefectures", Prefectures.ALL);
        model.put("municipalities", names.municipalities());
        model.put("wards", names.wards());
        model.put("guardianRows", java.util.stream.IntStream.range(0, HouseholdForms.GUARDIAN_ROWS).boxed().toList());
        return new ModelAndView<>("households/form", model);
    }

    // ---- the page

    @Get(PAGE)
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
    ModelAndView<Map<String, Object>> page(Viewer viewer, @PathVariable long id) {
        return detail(viewer, id, Form.blank("none"));
    }

    /** The pin drop (or typed coordinates): the same correction as the form, with only the point changed. */
    @Post(value = "/households/{id}/location", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    HttpResponse<?> locate(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("location", body);
        HouseholdDirectory.VisibleHousehold visible = directory.read(viewer, id, PAGE);
        Double longitude = form.coordinate("longitude");
        Double latitude = form.coordinate("latitude");
        if (!form.hasErrors() && (longitude == null || latitude == null)) {
            form.reject(longitude == null ? "longitude" : "latitude", UiText.of("error.location-required"));
        }
        Submission<Household> done = Submission.run(form, () -> households.correct(viewer, id,
                HouseholdForms.withLocation(visible.household(), visible.guardians(), longitude, latitude, form.version())));
        if (done.done()) {
            return flash.seeOther(request, "/households/" + id, "household.located");
        }
        return HttpResponse.status(done.status()).body(detail(viewer, id, form));
    }

    private ModelAndView<Map<String, Object>> detail(Viewer viewer, long id, Form form) {
        HouseholdDirectory.VisibleHousehold visible = directory.read(viewer, id, PAGE);
        Household h = visible.household();
        PlanStatusRow plan = repository.findPlanStatuses(List.of(id)).stream().findFirst().orElse(null);
        HouseholdView view = HouseholdView.of(h, visible.guardians(), visible.basis(), plan,
                facts.findLivesAtHome(id).orElse(true));
        Map<String, Object> model = pages.model(viewer, view.childFamilyName() + " " + view.childGivenName() + " さんの世帯",
                "households");
        model.put("h", view);
        model.put("municipality", names.of(h.municipalityCode(), h.wardCode()));
        model.put("prefecture", Prefectures.name(h.prefectureCode()));
        model.put("planStatusLabel", plan == null ? null : planStatusLabel(plan.planStatus()));
        model.put("form", form);
        // what yearly checks found and wrote to the household, each naming its check (seed 000, line 541)
        model.put("checkFindings", visible.basis() != AccessBasis.CENTER ? List.of()
                : timelines.of(events.findBySubjectTypeAndSubjectIdOrderByIdAsc(SubjectType.HOUSEHOLD, id)
                .stream().filter(e -> e.detail() != null && e.detail().startsWith(HouseholdCheckFindings.SOURCE)).toList()));
        // The resolved place, and the other features' sections (exposure, shelters, applications, loans), are part
        // of this same (scoped, audited) read of the household.
        model.put("boundariesLoaded", places.boundariesLoaded());
        HomePlace.Place place = places.of(id).orElse(null);
        model.put("place", place);
        model.put("placeName", place == null || place.municipalityCode() == null ? null
                : names.of(place.municipalityCode(), place.wardCode()));
        model.put("locationForm", form.is("location") ? form : Form.blank("location",
                "longitude", h.longitude() == null ? null : String.valueOf(h.longitude()),
                "latitude", h.latitude() == null ? null : String.valueOf(h.latitude())));
        sections.addTo(PageSection.HOUSEHOLD_PAGE, model, viewer, id, form);
        return new ModelAndView<>("households/page", model);
    }
}
