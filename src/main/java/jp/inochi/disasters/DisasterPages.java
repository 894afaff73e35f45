package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.disasters.DisasterEvent;
import jp.inochi.disasters.DisasterEvents;
import jp.inochi.disasters.EventAreas;
import jp.inochi.disasters.EventLists;
import jp.inochi.disasters.EventViews;
import jp.inochi.disasters.SafetyChecks;
import jp.inochi.disasters.model.AreaKind;
import jp.inochi.disasters.model.ContactMethod;
import jp.inochi.disasters.model.ContactOutcome;
import jp.inochi.disasters.model.EventState;
import jp.inochi.disasters.model.EventType;
import jp.inochi.disasters.model.Reply;
import jp.inochi.disasters.model.SafetyStatus;
import jp.inochi.hazards.LayerCatalogue;
import jp.inochi.layers.LayerKind;
import jp.inochi.layers.UploadReceiver;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.web.Flash;
import jp.inochi.web.Form;
import jp.inochi.municipalities.MunicipalityNames;
import jp.inochi.web.Pages;
import jp.inochi.web.Submission;
import jp.inochi.web.UiText;

/**
 * 災害対応 on screen: the events the viewer may see and the declare form (center staff), each event's dashboard
 * (counts by reply status and municipality, a map of the households coloured by reply status), the call list, the
 * unreached list with the phone outcome form, the safety check and closing. Every list is {@link EventLists} itself —
 * the same scoped, audited reads as the API — and every change goes through {@link DisasterEvents} and
 * {@link SafetyChecks}; downloads are the API's CSV and JSON.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
@ExecuteOn(TaskExecutors.BLOCKING)
final class DisasterPages {
    static final String LIST = "/disasters";
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final int DEFAULT_REPLY_MINUTES = 180;

    private final DisasterEvents events;
    private final DeclaringEvents declaring;
    private final EventOutages outages;
    private final ReevaluatingEventAreas reevaluating;
    private final OpeningMunicipalAccess municipalAccess;
    private final ClosingEvents closing;
    private final EventLists lists;
    private final SafetyChecks safetyChecks;
    private final LayerCatalogue layers;
    private final UploadReceiver uploads;
    private final MunicipalityNames names;
    private final Pages pages;
    private final Flash flash;
    private final java.time.Clock clock;

    DisasterPages(DisasterEvents events, DeclaringEvents declaring, EventOutages outages,
                  ReevaluatingEventAreas reevaluating, OpeningMunicipalAccess municipalAccess, ClosingEvents closing,
                  EventLists lists, SafetyChecks safetyChecks, LayerCatalogue layers,
                  UploadReceiver uploads, MunicipalityNames names, Pages pages, Flash flash, java.time.Clock clock) {
        this.events = events;
        this.declaring = declaring;
        this.outages = outages;
        this.reevaluating = reevaluating;
        this.municipalAccess = municipalAccess;
        this.closing = closing;
        this.lists = lists;
        this.safetyChecks = safetyChecks;
        this.layers = layers;
        this.uploads = uploads;
        this.names = names;
        this.pages = pages;
        this.flash = flash;
        this.clock = clock;
    }

    record Option(String value, String label) {
    }

    // ---- the events and the declare form

    @Get(LIST)
    ModelAndView<Map<String, Object>> list(Viewer viewer) {
        return listPage(viewer, Form.blank("declare", "eventType", EventType.TYPHOON.name(), "areaKind",
                AreaKind.MUNICIPALITIES.name(), "startsAt", LOCAL_INPUT.format(now()), "minSeverity", "2"),
                List.of());
    }

    private ModelAndView<Map<String, Object>> listPage(Viewer viewer, Form form, List<String> codesChosen) {
        Map<String, Object> model = pages.model(viewer, "災害対応", "disasters");
        model.put("events", events.visibleTo(viewer).stream().map(lists::event).toList());
        model.put("canDeclare", viewer.isCenter());
        model.put("form", form);
        model.put("eventTypes", Arrays.stream(EventType.values()).map(t -> new Option(t.name(), t.label())).toList());
        model.put("municipalities", names.municipalities());
        model.put("codesChosen", codesChosen);
        model.put("hazardLayers", layers.current(LayerKind.HAZARD).stream().filter(l -> l.current() != null)
                .map(l -> new Option(String.valueOf(l.id()), l.name() + "（" + l.hazardTypeLabel() + "）")).toList());
        return new ModelAndView<>("disasters/list", model);
    }

    /** Declares an event over municipalities or over a hazard layer's zones at or above a severity. */
    @Post(value = LIST, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    HttpResponse<?> declare(HttpRequest<?> request, Viewer viewer, @Body Map<String, Object> body) {
        Form form = Form.of("declare", body);
        List<String> codes = values(body.get("codes"));
        AreaKind kind = form.choice("areaKind", AreaKind.class);
        EventAreas.AreaRequest area = null;
        if (kind == null && !form.hasError("areaKind")) {
            form.reject("areaKind", UiText.of("error.disaster.area-kind"));
        } else if (kind == AreaKind.MUNICIPALITIES) {
            if (codes.isEmpty()) {
                form.reject("codes", UiText.of("error.disaster.codes"));
            }
            area = new EventAreas.AreaRequest(kind, codes, null, null, null, null, null, null);
        } else if (kind == AreaKind.HAZARD_ZONES) {
            Long layer = form.longValue("layerId");
            Integer severity = form.integer("minSeverity");
            if (layer == null && !form.hasError("layerId")) {
                form.reject("layerId", UiText.of("error.disaster.layer"));
            }
            if (severity == null && !form.hasError("minSeverity")) {
                form.reject("minSeverity", UiText.of("error.disaster.min-severity"));
            }
            area = new EventAreas.AreaRequest(kind, null, null, null, layer, severity, null, null);
        } else if (kind == AreaKind.POLYGON) {
            form.reject("areaKind", UiText.of("error.disaster.polygon-here"));
        }
        DeclaringEvents.Declaration declaration = declaration(form, area);
        return declared(request, viewer, form, codes, declaration, "POST " + LIST);
    }

    /** Declares an event over the area of an uploaded file (GeoJSON, shapefile, GeoPackage, or their ZIP). */
    @Post(value = LIST + "/upload", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    HttpResponse<?> declareWithFile(HttpRequest<?> request, Viewer viewer, @Body MultipartBody body) throws IOException {
        UploadReceiver.Upload upload = uploads.receive(body);
        try {
            Map<String, Object> fields = new LinkedHashMap<>(upload.fields());
            fields.put("areaKind", AreaKind.POLYGON.name());
            Form form = Form.of("declare", fields);
            if (upload.files().isEmpty()) {
                form.reject("file", UiText.of("error.disaster.file"));
            }
            DeclaringEvents.Declaration declaration = declaration(form, new EventAreas.AreaRequest(AreaKind.POLYGON,
                    null, null, form.integer("crs"), null, null, upload.files(), null));
            return declared(request, viewer, form, List.of(), declaration, "POST " + LIST + "/upload");
        } finally {
            UploadReceiver.delete(upload.directory());
        }
    }

    private DeclaringEvents.Declaration declaration(Form form, @Nullable EventAreas.AreaRequest area) {
        String name = form.text("name");
        if (name == null) {
            form.reject("name", UiText.of("error.disaster.name"));
        } else if (name.length() > 200) {
            form.reject("name", UiText.of("error.disaster.name-length"));
        }
        EventType type = form.choice("eventType", EventType.class);
        if (type == null && !form.hasError("eventType")) {
            form.reject("eventType", UiText.of("error.disaster.event-type"));
        }
        Instant startsAt = dateTime(form, "startsAt");
        Instant outage = dateTime(form, "outageStartedAt");
        Instant restoration = dateTime(form, "expectedRestorationAt");
        String note = form.text("note");
        if (note != null && note.length() > 2000) {
            form.reject("note", UiText.of("error.disaster.note"));
        }
        return new DeclaringEvents.Declaration(name, type, startsAt, outage, restoration, note, area, null);
    }

    private HttpResponse<?> declared(HttpRequest<?> request, Viewer viewer, Form form, List<String> codes,
                                     DeclaringEvents.Declaration declaration, String resource) {
        Submission<DisasterEvent> done = Submission.run(form, () -> declaring.declare(viewer, declaration, resource));
        if (done.done()) {
            return flash.seeOther(request, LIST + "/" + done.result().id(), "disaster.declared");
        }
        return HttpResponse.status(done.status()).body(listPage(viewer, form, codes));
    }

    /** {@code <input type="datetime-local">} in Japan time; null when empty, an error when unreadable. */
    @Nullable
    private static Instant dateTime(Form form, String field) {
        String text = form.text(field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.replace('/', '-').replace(' ', 'T')).atZone(JapanTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            form.reject(field, UiText.of("error.date-time"));
            return null;
        }
    }

    /** An instant as a {@code datetime-local} input's value in Japan time, or "" for none. */
    private static String localInput(@Nullable Instant at) {
        return at == null ? "" : LocalDateTime.ofInstant(at, JapanTime.ZONE).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), JapanTime.ZONE).truncatedTo(ChronoUnit.MINUTES);
    }

    private static List<String> values(@Nullable Object value) {
        if (value == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        if (value instanceof Collection<?> many) {
            many.forEach(v -> values.add(String.valueOf(v)));
        } else {
            values.add(String.valueOf(value));
        }
        return values.stream().map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
    }

    // ---- one event

    @Get(LIST + "/{id}")
    ModelAndView<Map<String, Object>> dashboard(Viewer viewer, @PathVariable long id) {
        return dashboardPage(viewer, id, Form.blank("none"));
    }

    private ModelAndView<Map<String, Object>> dashboardPage(Viewer viewer, long id, Form form) {
        EventViews.Dashboard dashboard = lists.dashboard(viewer, id);
        Map<String, Object> model = pages.model(viewer, dashboard.event().name(), "disasters");
        model.put("dashboard", dashboard);
        model.put("event", dashboard.event());
        model.put("statuses", Arrays.stream(SafetyStatus.values()).toList());
        model.put("active", dashboard.event().state() == EventState.ACTIVE);
        model.put("canManage", viewer.isCenter() && dashboard.event().state() == EventState.ACTIVE);
        model.put("startForm", form.forAction("safety-check").hasErrors() ? form
                : Form.blank("safety-check", "replyWithinMinutes", String.valueOf(DEFAULT_REPLY_MINUTES)));
        model.put("closeForm", form.forAction("close"));
        model.put("reevaluateForm", form.forAction("reevaluate"));
        model.put("outageForm", form.forAction("outage").hasErrors() ? form : Form.blank("outage",
                "outageStartedAt", localInput(dashboard.event().outageStartedAt()),
                "expectedRestorationAt", localInput(dashboard.event().expectedRestorationAt())));
        model.put("accessForm", form.forAction("municipal-access"));
        model.put("canOpenAccess", viewer.role() == Role.CENTER_ADMIN && dashboard.event().state() == EventState.ACTIVE);
        model.put("legendJson", legendJson());
        return new ModelAndView<>("disasters/dashboard", model);
    }

    private static String legendJson() {
        StringBuilder json = new StringBuilder("[");
        for (SafetyStatus status : SafetyStatus.values()) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"status\":\"").append(status.name()).append("\",\"label\":\"").append(status.label())
                    .append("\",\"colour\":\"").append(status.colour()).append("\"}");
        }
        return json.append(']').toString();
    }

    @Post(value = LIST + "/{id}/safety-check", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    HttpResponse<?> startSafetyCheck(HttpRequest<?> request, Viewer viewer, @PathVariable long id,
                                     @Body Map<String, Object> body) {
        Form form = Form.of("safety-check", body);
        Integer minutes = form.integer("replyWithinMinutes");
        String message = form.text("message");
        Submission<SafetyChecks.Campaign> done = Submission.run(form, () -> safetyChecks.start(viewer,
                events.get(viewer, id), Duration.ofMinutes(minutes == null ? DEFAULT_REPLY_MINUTES : minutes), message,
                "POST " + LIST + "/{id}/safety-check"));
        if (done.done()) {
            return flash.seeOther(request, LIST + "/" + id, "disaster.safety-check");
        }
        return HttpResponse.status(done.status()).body(dashboardPage(viewer, id, form));
    }

    @Post(value = LIST + "/{id}/close", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    HttpResponse<?> close(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("close", body);
        String reason = form.text("reason");
        if (reason == null) {
            form.reject("reason", UiText.of("error.disaster.close-reason"));
        }
        Long version = form.version();
        Submission<DisasterEvent> done = Submission.run(form, () -> closing.close(viewer, id, reason, version,
                "POST " + LIST + "/{id}/close"));
        if (done.done()) {
            return flash.seeOther(request, LIST + "/" + id, "disaster.closed");
        }
        return HttpResponse.status(done.status()).body(dashboardPage(viewer, id, form));
    }

    /** Evaluates the area again: families who moved in (or were added) join the event, and get the email if a check runs. */
    @Post(value = LIST + "/{id}/reevaluate", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    HttpResponse<?> reevaluate(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("reevaluate", body);
        Submission<Integer> done = Submission.run(form, () -> reevaluating.reevaluate(viewer, id, "POST " + LIST + "/{id}/reevaluate"));
        if (done.done()) {
            return flash.seeOther(request, LIST + "/" + id, "disaster.reevaluated");
        }
        return HttpResponse.status(done.status()).body(dashboardPage(viewer, id, form));
    }

    /** The outage's start and the expected restoration for the whole event; the per-municipality ones are kept. */
    @Post(value = LIST + "/{id}/outage", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    HttpResponse<?> outage(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of("outage", body);
        Instant outageStartedAt = dateTime(form, "outageStartedAt");
        Instant expectedRestorationAt = dateTime(form, "expectedRestorationAt");
        Long version = form.version();
        Submission<DisasterEvent> done = Submission.run(form, () -> outages.updateOutage(viewer, id, outageStartedAt,
                expectedRestorationAt, outages.restorations(id).entrySet().stream()
                        .map(kept -> new EventOutages.Restoration(kept.getKey(), kept.getValue())).toList(),
                version, "POST " + LIST + "/{id}/outage"));
        if (done.done()) {
            return flash.seeOther(request, LIST + "/" + id, "disaster.outage");
        }
        return HttpResponse.status(done.status()).body(dashboardPage(viewer, id, form));
    }

    /** Opens municipal access for the event's municipalities (a disaster declaration): center admins only. */
    @Post(value = LIST + "/{id}/municipal-access", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.CENTER_ADMIN)
    HttpResponse<?> municipalAccess(HttpRequest<?> request, Viewer viewer, @PathVariable long id,
                                    @Body Map<String, Object> body) {
        Form form = Form.of("municipal-access", body);
        String reason = form.text("reason");
        if (reason == null) {
            form.reject("reason", UiText.of("error.disaster.access-reason"));
        }
        Instant endsAt = dateTime(form, "endsAt");
        Submission<DisasterEvent> done = Submission.run(form, () -> municipalAccess.openMunicipalAccess(viewer, id,
                new OpeningMunicipalAccess.MunicipalAccess(endsAt, reason), "POST " + LIST + "/{id}/municipal-access"));
        if (done.done()) {
            return flash.seeOther(request, LIST + "/" + id, "disaster.municipal-access");
        }
        return HttpResponse.status(done.status()).body(dashboardPage(viewer, id, form));
    }

    // ---- the call list and the unreached list

    @Get(LIST + "/{id}/call-list")
    ModelAndView<Map<String, Object>> callList(Viewer viewer, @PathVariable long id) {
        EventViews.CallList list = lists.callList(viewer, id, null, false, "call-list", "GET " + LIST + "/{id}/call-list");
        Map<String, Object> model = pages.model(viewer, "連絡リスト：" + list.event().name(), "disasters");
        model.put("list", list);
        model.put("event", list.event());
        model.put("unreached", false);
        model.put("csv", "/api/disaster-events/" + id + "/call-list?format=csv");
        model.put("json", "/api/disaster-events/" + id + "/call-list?format=json");
        return new ModelAndView<>("disasters/households", model);
    }

    @Get(LIST + "/{id}/unreached")
    ModelAndView<Map<String, Object>> unreached(Viewer viewer, @PathVariable long id) {
        return unreachedPage(viewer, id, Form.blank("contact", "method", ContactMethod.PHONE.name()), null);
    }

    private ModelAndView<Map<String, Object>> unreachedPage(Viewer viewer, long id, Form form, @Nullable Long householdId) {
        EventViews.CallList list = lists.callList(viewer, id, EnumSet.of(SafetyStatus.UNREACHED), false, "unreached",
                "GET " + LIST + "/{id}/unreached");
        Map<String, Object> model = pages.model(viewer, "未確認の世帯：" + list.event().name(), "disasters");
        model.put("list", list);
        model.put("event", list.event());
        model.put("unreached", true);
        model.put("form", form);
        model.put("formHousehold", householdId == null ? -1L : householdId);
        model.put("canRecord", list.event().state() == EventState.ACTIVE);
        model.put("methods", EnumSet.of(ContactMethod.PHONE, ContactMethod.VISIT, ContactMethod.OTHER).stream()
                .map(m -> new Option(m.name(), m.label())).toList());
        model.put("outcomes", EnumSet.complementOf(EnumSet.of(ContactOutcome.REPLIED)).stream()
                .map(o -> new Option(o.name(), o.label())).toList());
        model.put("replies", Arrays.stream(Reply.values()).map(r -> new Option(r.name(), r.label())).toList());
        model.put("csv", "/api/disaster-events/" + id + "/unreached?format=csv");
        model.put("json", "/api/disaster-events/" + id + "/unreached?format=json");
        return new ModelAndView<>("disasters/households", model);
    }

    /** A phone call's (or visit's) outcome, from the unreached list. */
    @Post(value = LIST + "/{id}/households/{householdId}/contacts", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> recordContact(HttpRequest<?> request, Viewer viewer, @PathVariable long id,
                                  @PathVariable long householdId, @Body Map<String, Object> body) {
        Form form = Form.of("contact", body);
        ContactMethod method = form.choice("method", ContactMethod.class);
        ContactOutcome outcome = form.choice("outcome", ContactOutcome.class);
        if (method == null && !form.hasError("method")) {
            form.reject("method", UiText.of("error.disaster.method"));
        }
        if (outcome == null && !form.hasError("outcome")) {
            form.reject("outcome", UiText.of("error.disaster.outcome"));
        }
        Reply reply = form.choice("reply", Reply.class);
        if (outcome == ContactOutcome.REACHED && reply == null && !form.hasError("reply")) {
            form.reject("reply", UiText.of("error.disaster.reply"));
        }
        String detail = form.text("detail");
        if (detail != null && detail.length() > 1000) {
            form.reject("detail", UiText.of("error.disaster.detail"));
        }
        Submission<SafetyChecks.Contact> done = Submission.run(form, () -> safetyChecks.recordContact(viewer,
                events.get(viewer, id), householdId, new SafetyChecks.NewContact(method, outcome, reply, detail, null),
                "POST " + LIST + "/{id}/households/{householdId}/contacts"));
        if (done.done()) {
            return flash.seeOther(request, LIST + "/" + id + "/unreached", "disaster.contact");
        }
        return HttpResponse.status(done.status()).body(unreachedPage(viewer, id, form, householdId));
    }
}
