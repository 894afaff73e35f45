package jp.inochi.tiles;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditLog;
import jp.inochi.hazards.LayerCatalogue;
import jp.inochi.layers.LayerKind;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.platform.problem.InvalidInputException;

/**
 * Vector tiles for the map: hazard zones (public data, anyone may fetch them) and households (signed-in users with
 * access, only the homes they may see, each one audited as read).
 */
@Tag(name = "地図タイル")
@Controller("/tiles")
@ExecuteOn(TaskExecutors.BLOCKING)
class TileController {
    static final MediaType MVT = MediaType.of("application/vnd.mapbox-vector-tile");

    private final VectorTiles tiles;
    private final HouseholdTiles households;
    private final AuditLog auditLog;
    private final LayerCatalogue catalogue;
    private final Clock clock;

    TileController(VectorTiles tiles, HouseholdTiles households, AuditLog auditLog, LayerCatalogue catalogue, Clock clock) {
        this.tiles = tiles;
        this.households = households;
        this.auditLog = auditLog;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Operation(summary = "ハザード区域のベクタータイル（MVT）",
            description = "レイヤー hazards。属性: hazard_type、hazard_label、severity、label、phenomenon、layer_id、layer、"
                    + "colour（浸水深は標準の凡例色）。types=FLOOD,LANDSLIDE で災害種別を絞れます。")
    @Get(value = "/hazards/{z}/{x}/{y}.mvt", produces = "application/vnd.mapbox-vector-tile")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<byte[]> hazards(@PathVariable int z, @PathVariable int x, @PathVariable int y,
                                 @Nullable @QueryValue String types) {
        check(z, x, y);
        VectorTiles.Tile tile = tiles.hazards(z, x, y, types(types));
        return respond(tile, "public, max-age=300");
    }

    @Operation(summary = "世帯のベクタータイル（MVT、閲覧できる世帯のみ、監査ログに記録）",
            description = "レイヤー households。属性: id、ventilator、risk（0〜1、種別ごとの最大危険度に対する割合）、flood、"
                    + "landslide、tsunami、storm_surge（区域内の危険度）、near_landslide。氏名や住所は含みません。ズーム13以下では、"
                    + "格子（タイルの8×8）の同じ区画に2世帯以上あればレイヤー clusters の1点（households＝世帯数、ventilators、"
                    + "種別ごとの最大危険度）にまとめます。数えるのも閲覧できる世帯だけです。")
    @Get(value = "/households/{z}/{x}/{y}.mvt", produces = "application/vnd.mapbox-vector-tile")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
    HttpResponse<byte[]> households(@PathVariable int z, @PathVariable int x, @PathVariable int y, Viewer viewer) {
        check(z, x, y);
        VectorTiles.Tile tile = households.households(z, x, y, viewer.scope(clock));
        auditLog.householdsRead(viewer, "GET /tiles/households/{z}/{x}/{y}.mvt", tile.households());
        return respond(tile, "private, no-store");
    }

    @Operation(summary = "ハザード区域タイルの TileJSON（出典を含む）")
    @Get("/hazards.json")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Map<String, Object> tileJson() {
        List<String> credits = new ArrayList<>();
        for (LayerCatalogue.Layer layer : catalogue.current(LayerKind.HAZARD)) {
            if (layer.current() != null) {
                String credit = layer.current().credit() != null ? layer.current().credit() : layer.current().source();
                if (!credits.contains(credit)) {
                    credits.add(credit);
                }
            }
        }
        return Map.of("tilejson", "3.0.0", "name", "ハザード区域", "tiles", List.of("/tiles/hazards/{z}/{x}/{y}.mvt"),
                "minzoom", 0, "maxzoom", 22, "attribution", String.join(" / ", credits),
                "vector_layers", List.of(Map.of("id", "hazards", "fields", Map.of(
                        "hazard_type", "String", "hazard_label", "String", "severity", "Number", "label", "String",
                        "phenomenon", "String", "layer_id", "Number", "layer", "String", "colour", "String"))));
    }

    private static HttpResponse<byte[]> respond(VectorTiles.Tile tile, String cache) {
        if (tile.isEmpty()) {
            return HttpResponse.<byte[]>noContent().header(HttpHeaders.CACHE_CONTROL, cache);
        }
        return HttpResponse.ok(tile.bytes()).contentType(MVT).header(HttpHeaders.CACHE_CONTROL, cache);
    }

    private static void check(int z, int x, int y) {
        if (z < 0 || z > 22) {
            throw new InvalidInputException("z", "ズームは0〜22です");
        }
        long size = 1L << z;
        if (x < 0 || x >= size || y < 0 || y >= size) {
            throw new InvalidInputException("x", "タイル番号がこのズームの範囲外です");
        }
    }

    private static List<HazardType> types(String types) {
        List<HazardType> list = new ArrayList<>();
        if (types != null && !types.isBlank()) {
            for (String name : types.split(",")) {
                list.add(HazardType.parse(name).orElseThrow(() -> new InvalidInputException("types",
                        "災害種別は FLOOD、LANDSLIDE、TSUNAMI、STORM_SURGE のいずれかです")));
            }
        }
        return list;
    }
}
