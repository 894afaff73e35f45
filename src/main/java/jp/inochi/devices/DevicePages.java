package jp.inochi.devices;

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
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.devices.Device;
import jp.inochi.devices.DeviceAction;
import jp.inochi.devices.DeviceCondition;
import jp.inochi.devices.DeviceState;
import jp.inochi.devices.Devices;
import jp.inochi.devices.FuelType;
import jp.inochi.lifecycle.Actor;
import jp.inochi.web.Flash;
import jp.inochi.web.Form;
import jp.inochi.platform.search.SearchQuery;
import jp.inochi.web.Pager;
import jp.inochi.web.PageSection;
import jp.inochi.web.PageSections;
import jp.inochi.web.Pages;
import jp.inochi.web.UiText;
import jp.inochi.web.Submission;
import jp.inochi.timeline.Timelines;

/** The generator inventory: filtered by state, each device with its history; repair and retire through {@link Devices}. */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
final class DevicePages {
    private final Devices devices;
    private final DeviceRepairs repairs;
    private final Timelines timelines;
    private final Pages pages;
    private final Flash flash;
    private final Validator validator;
    private final PageSections sections;

    DevicePages(Devices devices, DeviceRepairs repairs, Timelines timelines, Pages pages, Flash flash,
                Validator validator, PageSections sections) {
        this.sections = sections;
        this.devices = devices;
        this.repairs = repairs;
        this.timelines = timelines;
        this.pages = pages;
        this.flash = flash;
        this.validator = validator;
    }

    record StateTab(String value, String label, long count) {
    }

    record Choice(String value, String label) {
    }

    @Get("/devices")
    ModelAndView<Map<String, Object>> list(Viewer viewer, @Nullable @QueryValue String state,
                                           @Nullable @QueryValue String q, @Nullable @QueryValue Integer page) {
        List<Device> all = devices.list(null);
        Map<DeviceState, Long> counts = new EnumMap<>(DeviceState.class);
        all.forEach(d -> counts.merge(d.state(), 1L, Long::sum));
        DeviceState filter = Arrays.stream(DeviceState.values()).filter(s -> s.name().equals(state)).findFirst().orElse(null);
        Map<String, Object> model = pages.model(viewer, "装置の在庫", "devices");
        SearchQuery query = SearchQuery.of(q);
        List<Device> found = query.keep(filter == null ? all : all.stream().filter(d -> d.state() == filter).toList(),
                Device::id, devices::idsMatching);
        Pager pager = Pager.of("/devices", page, found.size(), "state", filter == null ? "" : filter.name(),
                "q", query.typed());
        model.put("devices", pager.slice(found));
        model.put("pager", pager);
        model.put("q", query.typed());
        model.put("searchKeeps", filter == null ? Map.of() : Map.of("state", filter.name()));
        model.put("state", filter == null ? "" : filter.name());
        model.put("total", all.size());
        model.put("tabs", Arrays.stream(DeviceState.values())
                .map(s -> new StateTab(s.name(), s.label(), counts.getOrDefault(s, 0L))).toList());
        return new ModelAndView<>("devices/list", model);
    }

    @Get("/devices/new")
    ModelAndView<Map<String, Object>> newForm(Viewer viewer) {
        return formPage(viewer, Form.blank("device", "sineWave", "true", "fuelType", "GASOLINE", "condition", "GOOD"));
    }

    @Post(value = "/devices", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> register(HttpRequest<?> request, Viewer viewer, @Body Map<String, Object> body) {
        Form form = Form.of("device", body);
        var details = new Devices.DeviceDetails(form.text("serialNumber"), form.text("manufacturer"), form.text("model"),
                form.integer("ratedOutputWatts"), form.yesNo("sineWave"), form.choice("fuelType", FuelType.class),
                form.decimal("tankLitres"), form.decimal("runtimeHoursPerTank"), form.date("purchaseDate"),
                form.choice("condition", DeviceCondition.class), form.text("notes"), null);
        Submission<Device> done = Submission.run(form, validator, details, d -> devices.register(Actor.of(viewer), d));
        if (done.done()) {
            return flash.seeOther(request, "/devices/" + done.result().id(), "device.registered");
        }
        return HttpResponse.status(done.status()).body(formPage(viewer, form));
    }

    private ModelAndView<Map<String, Object>> formPage(Viewer viewer, Form form) {
        Map<String, Object> model = pages.model(viewer, "装置を登録する", "devices");
        model.put("form", form);
        model.put("fuelTypes", Arrays.stream(FuelType.values()).map(f -> new Choice(f.name(), f.label())).toList());
        model.put("conditions", Arrays.stream(DeviceCondition.values()).map(c -> new Choice(c.name(), c.label())).toList());
        return new ModelAndView<>("devices/form", model);
    }

    @Get("/devices/{id}")
    ModelAndView<Map<String, Object>> page(Viewer viewer, @PathVariable long id) {
        return detail(viewer, id, Form.blank("none"));
    }

    private ModelAndView<Map<String, Object>> detail(Viewer viewer, long id, Form form) {
        Device device = devices.get(id);
        Map<String, Object> model = pages.model(viewer, "装置 " + device.serialNumber(), "devices");
        model.put("device", device);
        model.put("allowed", devices.manualActions(device));
        model.put("history", timelines.of(devices.history(id)));
        model.put("repairs", repairs.ofDevice(id));
        model.put("form", form);
        sections.addTo(PageSection.DEVICE_PAGE, model, viewer, id, form);
        return new ModelAndView<>("devices/page", model);
    }

    @Post(value = "/devices/{id}/{action}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> move(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @PathVariable String action,
                         @Body Map<String, Object> body) {
        DeviceAction manual = Arrays.stream(DeviceAction.values())
                .filter(a -> a.isManual() && a.apiName().equals(action)).findFirst()
                .orElseThrow(() -> new jp.inochi.platform.problem.NotFoundException("装置の操作"));
        Form form = Form.of(manual.apiName(), body);
        if (form.text("reason") == null) {
            form.reject("reason", UiText.of("error.reason-required"));
        }
        Submission<Device> done = Submission.run(form, () -> devices.moveManually(Actor.of(viewer), id, manual,
                form.text("reason")));
        if (done.done()) {
            return flash.seeOther(request, "/devices/" + id, "device." + manual.apiName());
        }
        return HttpResponse.status(done.status()).body(detail(viewer, id, form));
    }
}
