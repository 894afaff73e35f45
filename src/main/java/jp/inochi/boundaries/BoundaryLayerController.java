package jp.inochi.boundaries;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.hazards.LayerCatalogue;
import jp.inochi.layers.LayerKind;
import jp.inochi.layers.LayerUploads;

/** Uploads of administrative boundaries (KSJ N03), each imported as a job, and their layers. */
@Tag(name = "ハザード・行政区域・避難所のレイヤー")
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class BoundaryLayerController {
    private final LayerUploads uploads;
    private final LayerCatalogue catalogue;

    BoundaryLayerController(LayerUploads uploads, LayerCatalogue catalogue) {
        this.uploads = uploads;
        this.catalogue = catalogue;
    }

    @Operation(summary = "行政区域（国土数値情報 N03）の読み込み（ジョブ）",
            description = "各世帯の所在市町村を位置から判定し、届出の市町村と違えば印を付けます。codeField で市町村コードの項目を指定できます。")
    @Post(value = "/boundary-layers", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    HttpResponse<LayerUploads.Accepted> upload(@Body MultipartBody body, Viewer viewer) throws IOException {
        // the municipality code's field travels where a hazard layer's severity field does
        return uploads.accept(LayerKind.BOUNDARY, body, viewer, (upload, errors) ->
                request -> request.withProfile(request.profile(), upload.field("codeField"), request.labelField()));
    }

    @Operation(summary = "行政区域のレイヤーと現在の版")
    @Get("/boundary-layers")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<LayerCatalogue.Layer> layers() {
        return catalogue.current(LayerKind.BOUNDARY);
    }
}
