package jp.inochi.evacuationplans;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.evacuationplans.model.PlanFinding;
import jp.inochi.evacuationplans.model.PlanRules;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InochiException;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.problem.ProblemType;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.platform.time.JapaneseDates;
import jp.inochi.web.Flash;
import jp.inochi.web.Form;
import jp.inochi.web.Pages;
import jp.inochi.web.Submission;

/**
 * The plan editor (issue 14): a household's 個別避難計画 section by section, what Inochi filled marked as such; saving
 * makes a new version on the version shown (someone else's newer one is refused, nothing written), 「作成済にする」
 * completes it. Scoped and audited through {@link EvacuationPlans} and {@link PlanSaving}.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
@ExecuteOn(TaskExecutors.BLOCKING)
final class PlanEditorPage {
    static final String PAGE = "/households/{id}/evacuation-plan";

    private final EvacuationPlans plans;
    private final PlanSaving saving;
    private final PlanStore store;
    private final ShelterZoneCheck zones;
    private final Pages pages;
    private final Flash flash;

    PlanEditorPage(EvacuationPlans plans, PlanSaving saving, PlanStore store, ShelterZoneCheck zones, Pages pages, Flash flash) {
        this.plans = plans;
        this.saving = saving;
        this.store = store;
        this.zones = zones;
        this.pages = pages;
        this.flash = flash;
    }

    @Get(PAGE)
    ModelAndView<Map<String, Object>> page(Viewer viewer, @PathVariable long id) {
        PlanDocument document = plans.load(viewer, id, PAGE);
        return view(viewer, document, PlanEditorView.form(document), document.findings(), false, false);
    }

    /** Saves (or completes) a new version; 「行を追加」 shows the form again with one more row, saving nothing. */
    @Post(value = PAGE, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(HttpRequest<?> request, Viewer viewer, @PathVariable long id, @Body Map<String, Object> body) {
        Form form = Form.of(PlanEditorView.FORM, body);
        PlanDocument shown = plans.load(viewer, id, "POST " + PAGE);
        PlanEditorReading.Read read = PlanEditorReading.read(form, shown.home());
        String add = form.text("add");
        if (add != null) {
            return HttpResponse.ok(view(viewer, shown, form, findings(form, read), "supporter".equals(add), "device".equals(add)));
        }
        boolean complete = "true".equals(form.text("complete"));
        Integer version = form.integer("version");
        Submission<PlanDocument> done = Submission.run(form, () -> inFormTerms(read, () -> saving.save(viewer, id, version,
                new PlanSaving.SaveCommand(read.plan(), read.prefilled(), complete), "POST " + PAGE)));
        if (done.done()) {
            boolean warned = done.result().findings().stream().anyMatch(f -> f.level() != PlanFinding.Level.ERROR);
            return flash.seeOther(request, "/households/" + id + "/evacuation-plan",
                    complete ? "evacuation-plan.completed" : warned ? "evacuation-plan.saved-with-notes" : "evacuation-plan.saved");
        }
        if (done.status() == HttpStatus.CONFLICT) {
            form.failPage(stale(id, version));
        }
        return HttpResponse.status(done.status()).body(view(viewer, shown, form, findings(form, read), false, false));
    }

    private ModelAndView<Map<String, Object>> view(Viewer viewer, PlanDocument document, Form form,
                                                   List<PlanFinding> findings, boolean addSupporter, boolean addDevice) {
        Map<String, Object> model = pages.model(viewer, document.plan().person().name() + " さんの個別避難計画", "plans");
        PlanEditorView.addTo(model, document, form, findings, store.versions(document.householdId()), addSupporter, addDevice);
        return new ModelAndView<>("evacuationplans/plan-editor", model);
    }

    /** The warnings and flags of the plan as typed (its errors are the form's own). */
    private List<PlanFinding> findings(Form form, PlanEditorReading.Read read) {
        return form.hasErrors() ? List.of() : PlanRules.check(read.plan(), zones).stream()
                .map(f -> new PlanFinding(f.rule(), f.level(), read.toForm(new FieldError(f.field(), "")).field(), f.message()))
                .toList();
    }

    /** The service names the plan's rows; the form may hold empty or removed rows between them. */
    private static <T> T inFormTerms(PlanEditorReading.Read read, Supplier<T> save) {
        try {
            return save.get();
        } catch (InochiException refused) {
            Object errors = refused.extensions().get("errors");
            if (refused.type() != ProblemType.VALIDATION_FAILED || !(errors instanceof List<?> list) || list.isEmpty()) {
                throw refused;
            }
            throw new InvalidInputException(list.stream().filter(FieldError.class::isInstance).map(FieldError.class::cast)
                    .map(read::toForm).toList());
        }
    }

    /** Who saved the newer version and when, so the person knows what to reload. */
    private String stale(long id, Integer version) {
        return store.versions(id).stream().findFirst().map(current -> "この計画は、" + current.savedByName() + " さんが "
                + savedAt(current) + " に第" + current.version() + "版として保存しています（この画面は第"
                + (version == null ? 0 : version) + "版を表示したものです）。入力した内容は保存していません。"
                + "「最新の内容を読み込む」で第" + current.version() + "版を開き、必要な変更をもう一度入力してください。")
                .orElse("他の方が先に保存しました。再読み込みしてから、もう一度保存してください。");
    }

    private static String savedAt(PlanVersion version) {
        var local = version.savedAt().atZone(JapanTime.ZONE);
        return JapaneseDates.withGregorian(local.toLocalDate()) + " " + local.getHour() + ":" + String.format("%02d", local.getMinute());
    }
}
