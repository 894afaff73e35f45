package jp.inochi.consultations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.consultations.model.ConsultationChannel;
import jp.inochi.platform.search.SearchQuery;

/** 相談記録 as JSON: center staff only (a municipal officer is refused with 403, and the refusal audited). */
@Tag(name = "相談記録")
@Controller("/api/consultations")
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
class ConsultationController {
    private static final String RESOURCE = "/api/consultations";

    private final Consultations consultations;
    private final ConsultationReads reads;

    ConsultationController(Consultations consultations, ConsultationReads reads) {
        this.consultations = consultations;
        this.reads = reads;
    }

    @Serdeable
    record ConsultationView(long id, LocalDate consultedOn, ConsultationChannel channel, String channelLabel,
                            String consulterName, @Nullable String consulterRelation, @Nullable String consulterContact,
                            @Nullable String childName, @Nullable String childNameKana, @Nullable Long householdId,
                            @Nullable Long programApplicationId, String topic, @Nullable String outcome,
                            @Nullable LocalDate followUpOn, @Nullable String followUpNote, String recordedBy, long version) {
        static ConsultationView of(Consultation c) {
            return new ConsultationView(c.id(), c.consultedOn(), c.channel(), c.channelLabel(), c.consulterName(),
                    c.consulterRelation(), c.consulterContact(), c.childName(), c.childNameKana(), c.householdId(),
                    c.programApplicationId(), c.topic(), c.outcome(), c.followUpOn(), c.followUpNote(), c.recordedBy(),
                    c.version());
        }
    }

    @Serdeable
    record ConsultationPage(List<ConsultationView> consultations, long total, int page) {
    }

    @Serdeable
    record Link(@NotNull Long householdId, @Nullable Long programApplicationId) {
    }

    @Operation(summary = "相談記録の一覧（新しい順、50件ずつ。q で氏名・かな・相談内容・電話番号を検索）")
    @Get
    ConsultationPage list(Viewer viewer, @Nullable @QueryValue String q, @Nullable @QueryValue Integer page) {
        ConsultationReads.Found found = reads.page(viewer, RESOURCE, RESOURCE, SearchQuery.of(q), page);
        return new ConsultationPage(found.rows().stream().map(ConsultationView::of).toList(), found.pager().total(),
                found.pager().page());
    }

    @Operation(summary = "相談を記録する（世帯の登録前でも記録できます）")
    @Post
    HttpResponse<ConsultationView> record(Viewer viewer, @Body @Valid ConsultationDetails body) {
        return HttpResponse.created(ConsultationView.of(consultations.record(viewer, body)));
    }

    @Operation(summary = "相談記録")
    @Get("/{id}")
    ConsultationView get(Viewer viewer, long id) {
        return ConsultationView.of(reads.get(viewer, RESOURCE + "/{id}", id));
    }

    @Operation(summary = "相談記録を訂正する")
    @Put("/{id}")
    ConsultationView correct(Viewer viewer, long id, @Body @Valid ConsultationDetails body) {
        return ConsultationView.of(consultations.correct(viewer, id, body));
    }

    @Operation(summary = "相談記録を世帯（と事業利用申請）に結び付ける")
    @Post("/{id}/link")
    ConsultationView link(Viewer viewer, long id, @Body @Valid Link body) {
        return ConsultationView.of(consultations.link(viewer, id, body.householdId(), body.programApplicationId()));
    }
}
