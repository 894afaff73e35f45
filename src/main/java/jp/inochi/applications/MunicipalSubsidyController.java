package jp.inochi.applications;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.applications.model.SubsidyList;
import jp.inochi.lifecycle.Actor;

@Tag(name = "市町村の装置購入助成制度")
@Controller("/api/municipal-subsidy-lists")
@ExecuteOn(TaskExecutors.BLOCKING)
class MunicipalSubsidyController {
    private final MunicipalSubsidies subsidies;

    MunicipalSubsidyController(MunicipalSubsidies subsidies) {
        this.subsidies = subsidies;
    }

    @Serdeable
    record SubsidyListView(LocalDate asOf, String source, List<String> municipalityCodes) {
        static SubsidyListView of(SubsidyList list) {
            return new SubsidyListView(list.asOf(), list.source(), list.municipalityCodes().stream().sorted().toList());
        }
    }

    @Operation(summary = "助成制度のある市町村の一覧（時点ごと、新しい順）")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    @Get
    List<SubsidyListView> all() {
        return subsidies.all().stream().map(SubsidyListView::of).toList();
    }

    @Operation(summary = "新しい時点の助成制度一覧を登録する（管理者）")
    @Secured(Roles.CENTER_ADMIN)
    @Post
    HttpResponse<SubsidyListView> record(Viewer viewer, @Body @Valid MunicipalSubsidies.NewSubsidyList body) {
        return HttpResponse.created(SubsidyListView.of(subsidies.record(Actor.of(viewer), body)));
    }
}
