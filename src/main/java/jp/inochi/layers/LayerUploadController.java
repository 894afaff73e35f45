package jp.inochi.layers;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.hazards.LayerCatalogue;
import jp.inochi.layers.ImportJobs;
import jp.inochi.layers.ImportRequest;
import jp.inochi.layers.LayerKind;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.layers.reading.crs.EpsgNames;
import jp.inochi.layers.reading.shapefile.ShapefileFeatureReader;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.problem.NotFoundException;
import org.reactivestreams.Publisher;

/**
 * Uploads of hazard zones, administrative boundaries (N03) and shelters, each imported as a job
 * (202 Accepted, then {@code GET /api/imports/{id}}), and the catalogue of layers and versions.
 */
@Tag(name = "ハザード・行政区域・避難所のレイヤー")
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class LayerUploadController {
    private final UploadReceiver receiver;
    private final ImportJobs jobs;
    private final LayerCatalogue catalogue;

    LayerUploadController(UploadReceiver receiver, ImportJobs jobs, LayerCatalogue catalogue) {
        this.receiver = receiver;
        this.jobs = jobs;
        this.catalogue = catalogue;
    }

    @Serdeable
    record Accepted(UUID jobId, String status, String statusUrl) {
    }

    @Operation(summary = "ハザード区域ファイルの読み込み（ジョブ）",
            description = "multipart/form-data。ファイル（GeoJSON、シェープファイル一式または ZIP、GeoPackage）と、name（レイヤー名）、"
                    + "hazardType（FLOOD/LANDSLIDE/TSUNAMI/STORM_SURGE）、profile（A31/A33/A40/A49/GENERIC、省略時は種別から）、"
                    + "severityField、labelField、source、licence、credit、crs（例: EPSG:6670）、encoding（例: CP932）、entry、table。"
                    + "同じ名前のレイヤーは新しい版に置き換わります。")
    @Post(value = "/hazard-layers", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    HttpResponse<Accepted> uploadHazards(@Body MultipartBody body, Viewer viewer) throws IOException {
        return upload(LayerKind.HAZARD, body, viewer);
    }

    @Operation(summary = "行政区域（国土数値情報 N03）の読み込み（ジョブ）",
            description = "各世帯の所在市町村を位置から判定し、届出の市町村と違えば印を付けます。codeField で市町村コードの項目を指定できます。")
    @Post(value = "/boundary-layers", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    HttpResponse<Accepted> uploadBoundaries(@Body MultipartBody body, Viewer viewer) throws IOException {
        return upload(LayerKind.BOUNDARY, body, viewer);
    }

    @Operation(summary = "避難所（国土地理院 指定緊急避難場所・指定避難所）の読み込み（ジョブ）",
            description = "category（EVACUATION_SHELTER/EMERGENCY_SITE）を省略すると項目から判断します。")
    @Post(value = "/shelter-layers", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    HttpResponse<Accepted> uploadShelters(@Body MultipartBody body, Viewer viewer) throws IOException {
        return upload(LayerKind.SHELTER, body, viewer);
    }

    @Operation(summary = "ハザード区域のレイヤーと現在の版")
    @Get("/hazard-layers")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<LayerCatalogue.Layer> hazardLayers() {
        return catalogue.current(LayerKind.HAZARD);
    }

    @Operation(summary = "行政区域のレイヤーと現在の版")
    @Get("/boundary-layers")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<LayerCatalogue.Layer> boundaryLayers() {
        return catalogue.current(LayerKind.BOUNDARY);
    }

    @Operation(summary = "避難所のレイヤーと現在の版")
    @Get("/shelter-layers")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<LayerCatalogue.Layer> shelterLayers() {
        return catalogue.current(LayerKind.SHELTER);
    }

    @Operation(summary = "レイヤーとすべての版（出典・ライセンス・読み込み日時・地物数）")
    @Get("/layers/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    LayerCatalogue.Layer layer(@PathVariable long id) {
        return catalogue.find(id).orElseThrow(() -> new NotFoundException("レイヤー"));
    }

    private HttpResponse<Accepted> upload(LayerKind kind, Publisher<CompletedPart> body, Viewer viewer) throws IOException {
        UploadReceiver.Upload upload = receiver.receive(body);
        try {
            ImportRequest request = request(kind, upload, viewer);
            UUID id = jobs.submit(viewer, request, upload.files(), upload.directory());
            String url = "/api/imports/" + id;
            return HttpResponse.accepted(URI.create(url)).body(new Accepted(id, "QUEUED", url));
        } catch (RuntimeException e) {
            UploadReceiver.delete(upload.directory());
            throw e;
        }
    }

    private static ImportRequest request(LayerKind kind, UploadReceiver.Upload upload, Viewer viewer) {
        List<FieldError> errors = new ArrayList<>();
        if (upload.files().isEmpty()) {
            errors.add(new FieldError("file", "読み込むファイルを添付してください"));
        }
        String name = upload.field("name");
        if (name == null) {
            errors.add(new FieldError("name", "レイヤー名を入力してください"));
        } else if (name.length() > 200) {
            errors.add(new FieldError("name", "レイヤー名は200文字以内で入力してください"));
        }
        HazardType type = null;
        if (kind == LayerKind.HAZARD) {
            String typeText = upload.field("hazardType");
            type = HazardType.parse(typeText).orElse(null);
            if (type == null) {
                errors.add(new FieldError("hazardType", "災害種別を FLOOD（洪水）、LANDSLIDE（土砂災害）、TSUNAMI（津波）、"
                        + "STORM_SURGE（高潮）から選んでください"));
            }
        }
        Integer crs = null;
        if (upload.field("crs") != null) {
            crs = EpsgNames.parse(upload.field("crs")).orElse(null);
            if (crs == null) {
                errors.add(new FieldError("crs", "座標系は EPSG コードで指定してください（例: EPSG:6668、EPSG:6670）"));
            }
        }
        Charset encoding = null;
        if (upload.field("encoding") != null) {
            encoding = ShapefileFeatureReader.charsetNamed(upload.field("encoding")).orElse(null);
            if (encoding == null) {
                errors.add(new FieldError("encoding", "文字コードが分かりません（例: CP932、UTF-8）"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String field = kind == LayerKind.BOUNDARY ? upload.field("codeField") : upload.field("severityField");
        return new ImportRequest(kind, name, type, upload.field("profile"), field, upload.field("labelField"),
                upload.field("category"), upload.field("source"), upload.field("licence"), upload.field("credit"), crs,
                encoding, upload.field("entry"), upload.field("table"), viewer.userId());
    }
}
