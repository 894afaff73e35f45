package jp.inochi.hazards;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
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
import java.util.function.UnaryOperator;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.layers.ImportRequest;
import jp.inochi.layers.LayerKind;
import jp.inochi.layers.LayerUploads;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.NotFoundException;

/** Uploads of hazard zones, each imported as a job, and the catalogue of layers and their versions. */
@Tag(name = "ハザード・行政区域・避難所のレイヤー")
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class HazardLayerController {
    private final LayerUploads uploads;
    private final LayerCatalogue catalogue;

    HazardLayerController(LayerUploads uploads, LayerCatalogue catalogue) {
        this.uploads = uploads;
        this.catalogue = catalogue;
    }

    @Operation(summary = "ハザード区域ファイルの読み込み（ジョブ）",
            description = "multipart/form-data。ファイル（GeoJSON、シェープファイル一式または ZIP、GeoPackage）と、name（レイヤー名）、"
                    + "hazardType（FLOOD/LANDSLIDE/TSUNAMI/STORM_SURGE）、profile（A31/A33/A40/A49/GENERIC、省略時は種別から）、"
                    + "severityField、labelField、source、licence、credit、crs（例: EPSG:6670）、encoding（例: CP932）、entry、table。"
                    + "同じ名前のレイヤーは新しい版に置き換わります。")
    @Post(value = "/hazard-layers", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    HttpResponse<LayerUploads.Accepted> upload(@Body MultipartBody body, Viewer viewer) throws IOException {
        return uploads.accept(LayerKind.HAZARD, body, viewer, (upload, errors) -> {
            HazardType type = HazardType.parse(upload.field("hazardType")).orElse(null);
            if (type == null) {
                errors.add(new FieldError("hazardType", "災害種別を FLOOD（洪水）、LANDSLIDE（土砂災害）、TSUNAMI（津波）、"
                        + "STORM_SURGE（高潮）から選んでください"));
                return UnaryOperator.identity();
            }
            return request -> request.withHazardType(type.name());
        });
    }

    @Operation(summary = "ハザード区域のレイヤーと現在の版")
    @Get("/hazard-layers")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<LayerCatalogue.Layer> layers() {
        return catalogue.current(LayerKind.HAZARD);
    }

    @Operation(summary = "レイヤーとすべての版（出典・ライセンス・読み込み日時・地物数）")
    @Get("/layers/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    LayerCatalogue.Layer layer(@PathVariable long id) {
        return catalogue.find(id).orElseThrow(() -> new NotFoundException("レイヤー"));
    }
}
