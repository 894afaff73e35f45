package jp.inochi.boundaries;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
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
import jp.inochi.platform.problem.InvalidInputException;

/** Uploads of administrative boundaries (KSJ N03), each imported as a job, their layers, and their outlines for maps. */
@Tag(name = "ハザード・行政区域・避難所のレイヤー")
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class BoundaryLayerController {
    static final MediaType GEOJSON = MediaType.of("application/geo+json");

    private final LayerUploads uploads;
    private final LayerCatalogue catalogue;
    private final BoundaryOutlines outlines;

    BoundaryLayerController(LayerUploads uploads, LayerCatalogue catalogue, BoundaryOutlines outlines) {
        this.uploads = uploads;
        this.catalogue = catalogue;
        this.outlines = outlines;
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

    @Operation(summary = "行政区域の境界（GeoJSON、地図の線用に簡略化）",
            description = "現在の行政区域レイヤーの区域。code（市町村・区のコード）でその区域だけに絞れます。"
                    + "attribution に出典（クレジット表記）を含みます。公開データで、世帯の情報は含みません。")
    @Get(value = "/boundary-layers/areas.geojson", produces = "application/geo+json")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<String> areas(@Nullable @QueryValue String code) {
        if (code != null && !code.matches("\\d{5}")) {
            throw new InvalidInputException("code", "市町村コードは5桁の数字です");
        }
        return HttpResponse.ok(outlines.geoJson(code)).contentType(GEOJSON)
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300");
    }
}
