package jp.inochi.layers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import jp.inochi.access.Viewer;
import jp.inochi.layers.ImportJobs;
import jp.inochi.layers.LayerKind;
import jp.inochi.platform.problem.NotFoundException;

/** The state and progress of an import job, from whichever instance runs it. */
@Tag(name = "ハザード・行政区域・避難所のレイヤー")
@Controller("/api/imports")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ImportJobController {
    private final ImportJobs jobs;
    private final JsonMapper json;

    ImportJobController(ImportJobs jobs, JsonMapper json) {
        this.jobs = jobs;
        this.json = json;
    }

    @Serdeable
    record Job(UUID id, LayerKind kind, String layerName, @Nullable String hazardType, String fileName, String status,
               String phase, long done, @Nullable Long total, int percent, @Nullable String detail,
               @Nullable JsonNode problems, @Nullable JsonNode report, @Nullable Long layerVersionId, Instant createdAt,
               @Nullable Instant startedAt, @Nullable Instant finishedAt) {
    }

    @Operation(summary = "読み込みジョブの状態と進み具合",
            description = "status: QUEUED/RUNNING/SUCCEEDED/FAILED。done/total は読んだ地物数、percent は全体の進み具合（0〜100）。"
                    + "完了時は report（読み込み・修復・除外の件数と地物番号）、失敗時は detail と problems（地物番号と項目）。")
    @Get("/{id}")
    Job job(@PathVariable UUID id, Viewer viewer) throws IOException {
        ImportJobs.JobState state = jobs.find(id)
                .filter(job -> viewer.isCenter() || Long.valueOf(viewer.userId()).equals(job.requestedBy()))
                .orElseThrow(() -> new NotFoundException("読み込みジョブ"));
        return new Job(state.id(), state.kind(), state.layerName(), state.hazardType(), state.fileName(), state.status(),
                state.phase(), state.done(), state.total(), state.percent(), state.detail(), tree(state.errorsJson()),
                tree(state.reportJson()), state.layerVersionId(), state.createdAt(), state.startedAt(), state.finishedAt());
    }

    private JsonNode tree(String text) throws IOException {
        return text == null ? null : json.readValue(text, JsonNode.class);
    }
}
