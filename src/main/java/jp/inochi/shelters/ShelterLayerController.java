package jp.inochi.shelters;

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

/** Uploads of shelters (GSI designated emergency sites and shelters), each imported as a job, and their layers. */
@Tag(name = "ハザード・行政区域・避難所のレイヤー")
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class ShelterLayerController {
    private final LayerUploads uploads;
    private final LayerCatalogue catalogue;

    ShelterLayerController(LayerUploads uploads, LayerCatalogue catalogue) {
        this.uploads = uploads;
        this.catalogue = catalogue;
    }

    @Operation(summary = "避難所（国土地理院 指定緊急避難場所・指定避難所）の読み込み（ジョブ）",
            description = "category（EVACUATION_SHELTER/EMERGENCY_SITE）を省略すると項目から判断します。")
    @Post(value = "/shelter-layers", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    HttpResponse<LayerUploads.Accepted> upload(@Body MultipartBody body, Viewer viewer) throws IOException {
        return uploads.accept(LayerKind.SHELTER, body, viewer, LayerUploads.COMMON_ONLY);
    }

    @Operation(summary = "避難所のレイヤーと現在の版")
    @Get("/shelter-layers")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<LayerCatalogue.Layer> layers() {
        return catalogue.current(LayerKind.SHELTER);
    }
}
