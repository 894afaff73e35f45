package jp.inochi.hazards;

import io.micronaut.core.type.Argument;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.layers.FeatureProblem;
import jp.inochi.layers.ImportJobs;
import jp.inochi.layers.ImportReport;
import jp.inochi.layers.LayerKind;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.web.Pages;

/**
 * Importing hazard zones, administrative boundaries and shelters: the form sends the file to each kind's upload API
 * (the same validation, limits and job), and the job's page shows a progress bar until the import report
 * — counts, repaired and skipped features with their number and reason — or the reasons it failed.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
final class ImportPages {
    private final LayerCatalogue catalogue;
    private final ImportJobs jobs;
    private final Pages pages;
    private final JsonMapper json;

    ImportPages(LayerCatalogue catalogue, ImportJobs jobs, Pages pages, JsonMapper json) {
        this.catalogue = catalogue;
        this.jobs = jobs;
        this.pages = pages;
        this.json = json;
    }

    record Option(String value, String label) {
    }

    @Get("/hazard-imports")
    @View("hazards/imports")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    Map<String, Object> page(Viewer viewer) {
        Map<String, Object> model = pages.model(viewer, "ハザード・行政区域・避難所の読み込み", "imports");
        model.put("kinds", Arrays.stream(LayerKind.values()).map(k -> new Option(k.name(), k.label())).toList());
        model.put("hazardTypes", Arrays.stream(HazardType.values()).map(t -> new Option(t.name(), t.label())).toList());
        model.put("hazardLayers", catalogue.current(LayerKind.HAZARD));
        model.put("boundaryLayers", catalogue.current(LayerKind.BOUNDARY));
        model.put("shelterLayers", catalogue.current(LayerKind.SHELTER));
        return model;
    }

    /** As the API: center staff see every job, anyone else only their own (404 otherwise). */
    @Get("/hazard-imports/{id}")
    @View("hazards/import-job")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Map<String, Object> job(Viewer viewer, @PathVariable String id) throws IOException {
        UUID jobId;
        try {
            jobId = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw new NotFoundException("読み込みジョブ");
        }
        ImportJobs.JobState state = jobs.find(jobId)
                .filter(job -> viewer.isCenter() || Long.valueOf(viewer.userId()).equals(job.requestedBy()))
                .orElseThrow(() -> new NotFoundException("読み込みジョブ"));
        Map<String, Object> model = pages.model(viewer, "読み込み：" + state.layerName(), "imports");
        model.put("job", state);
        model.put("kindLabel", state.kind().label());
        model.put("hazardLabel", HazardType.parse(state.hazardType()).map(HazardType::label).orElse(null));
        model.put("report", state.reportJson() == null ? null : json.readValue(state.reportJson(), ImportReport.class));
        model.put("problems", state.errorsJson() == null ? List.of()
                : json.readValue(state.errorsJson(), Argument.listOf(FeatureProblem.class)));
        model.put("running", state.status().equals("QUEUED") || state.status().equals("RUNNING"));
        return model;
    }
}
