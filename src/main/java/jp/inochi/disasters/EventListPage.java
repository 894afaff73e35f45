package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.disasters.EventScreens.Option;
import jp.inochi.disasters.model.AreaKind;
import jp.inochi.disasters.model.EventType;
import jp.inochi.hazards.LayerCatalogue;
import jp.inochi.layers.LayerKind;
import jp.inochi.layers.UploadReceiver;
import jp.inochi.municipalities.MunicipalityNames;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.web.Flash;
import jp.inochi.web.Form;
import jp.inochi.web.Pages;
import jp.inochi.web.Submission;
import jp.inochi.web.UiText;

/**
 * 災害対応 on screen: the events the viewer may see, and the declare form (center staff) over municipalities, a hazard
 * layer's zones, or an uploaded file's area. Every change goes through {@link DeclaringEvents}.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
@ExecuteOn(TaskExecutors.BLOCKING)
final class EventListPage {
    private static final String LIST = EventScreens.LIST;
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final DisasterEvents events;
    private final DeclaringEvents declaring;
    private final EventLists lists;
    private final LayerCatalogue layers;
    private final UploadReceiver uploads;
    private final MunicipalityNames names;
    private final Pages pages;
    private final Flash flash;
    private final Clock clock;

    EventListPage(DisasterEvents events, DeclaringEvents declaring, EventLists lists, LayerCatalogue layers,
                  UploadReceiver uploads, MunicipalityNames names, Pages pages, Flash flash, Clock clock) {
        this.events = events;
        this.declaring = declaring;
        this.lists = lists;
        this.layers = layers;
        this.uploads = uploads;
        this.names = names;
        this.pages = pages;
        this.flash = flash;
        this.clock = clock;
    }

    @Get(LIST)
    ModelAndView<Map<String, Object>> list(Viewer viewer) {
        return listPage(viewer, Form.blank("declare", "eventType", EventType.TYPHOON.name(), "areaKind",
                AreaKind.MUNICIPALITIES.name(), "startsAt", LOCAL_INPUT.format(now()), "minSeverity", "2"),
                List.of());
    }

    private ModelAndView<Map<String, Object>> listPage(Viewer viewer, Form form, List<String> codesChosen) {
        Map<String, Object> model = pages.model(viewer, "災害対応", "disasters");
        model.put("events", events.visibleTo(viewer).stream().map(event -> lists.event(viewer, event)).toList());
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
        Instant startsAt = EventScreens.dateTime(form, "startsAt");
        Instant outage = EventScreens.dateTime(form, "outageStartedAt");
        Instant restoration = EventScreens.dateTime(form, "expectedRestorationAt");
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
}
