package jp.inochi.atrisk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.platform.xlsx.XlsxExport;

/** The municipal review: households of a municipality in hazard zones, as JSON, GeoJSON, or CSV and .xlsx for Excel. */
@Tag(name = "市町村の要確認世帯")
@Controller("/api/municipalities/{code}/at-risk")
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
@ExecuteOn(TaskExecutors.BLOCKING)
class AtRiskController {
    static final String RESOURCE = "GET /api/municipalities/{code}/at-risk";
    static final MediaType GEOJSON = MediaType.of("application/geo+json");

    private final AtRiskList list;
    private final Clock clock;
    private final JsonMapper json;

    AtRiskController(AtRiskList list, Clock clock, JsonMapper json) {
        this.list = list;
        this.clock = clock;
        this.json = json;
    }

    @Operation(summary = "市町村のハザード区域内の世帯（人工呼吸器の方を先頭に、危険度の高い順）",
            description = "絞り込み: hazardType（FLOOD/LANDSLIDE/TSUNAMI/STORM_SURGE）、minSeverity（危険度の下限）、"
                    + "includeNear（土砂災害区域の近くの世帯を含めるか。minSeverity を指定しなければ含める）、"
                    + "planStatus（個別避難計画の状況、カンマ区切り: NOT_APPLIED 未申請、APPLIED 申請済、ACCEPTED 受理済、"
                    + "COMPLETED 作成済、NONE 貸与なし）。"
                    + "format: json（既定）、geojson、csv（Excel 用、UTF-8 BOM 付き、データ行のみ）、xlsx（Excel のブック。"
                    + "日付は和暦と西暦、2枚目のシート「出典・注意」に注意書きと出典）。"
                    + "Accept: text/csv、application/geo+json、application/vnd.openxmlformats-officedocument.spreadsheetml.sheet でも選べます。"
                    + "json は1ページ50世帯ずつ返します: page（1から。既定は1、最後のページより後は最後のページ）。"
                    + "total（条件に合う世帯の総数）、count（このページの世帯数）、page、pageSize、hasNext（次のページがあるか）を添えます。"
                    + "ファイル出力（geojson、csv、xlsx）はページに分けず全件です。"
                    + "閲覧できる世帯だけを返し、返した世帯を1世帯ずつ監査ログに記録します（json はそのページの世帯、"
                    + "ファイル出力は全件をエクスポートとして）。"
                    + "「指定なし」は安全という意味ではありません。")
    @Get(produces = {MediaType.APPLICATION_JSON, "application/geo+json", "text/csv", XlsxExport.CONTENT_TYPE})
    HttpResponse<?> atRisk(@PathVariable String code, @Nullable @QueryValue String hazardType,
                           @Nullable @QueryValue Integer minSeverity, @Nullable @QueryValue Boolean includeNear,
                           @Nullable @QueryValue String planStatus, @Nullable @QueryValue String format,
                           @Nullable @QueryValue String page, HttpRequest<?> request, Viewer viewer)
            throws java.io.IOException {
        int requested = page(page);
        AtRiskFilter filter = filter(hazardType, minSeverity, includeNear, planStatus);
        String chosen = format(format, request);
        if (chosen.equals("json")) {
            return HttpResponse.ok(list.page(viewer, code, filter, requested, RESOURCE))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        AtRiskList.Result result = list.list(viewer, code, filter, true, RESOURCE + "?format=" + chosen);
        return switch (chosen) {
            case "csv" -> HttpResponse.ok(AtRiskCsv.write(result)).contentType(jp.inochi.platform.csv.ExcelCsv.CONTENT_TYPE)
                    .header(HttpHeaders.CONTENT_DISPOSITION, disposition(result, "csv"));
            case "xlsx" -> HttpResponse.ok(AtRiskXlsx.write(result, viewer)).contentType(XlsxExport.CONTENT_TYPE)
                    .header(HttpHeaders.CONTENT_DISPOSITION, disposition(result, "xlsx"));
            case "geojson" -> HttpResponse.ok(json.writeValueAsBytes(geoJson(result))).contentType(GEOJSON)
                    .header(HttpHeaders.CONTENT_DISPOSITION, disposition(result, "geojson"));
            default -> throw new IllegalStateException(chosen);
        };
    }

    /** The page asked for, from 1; anything else is refused before anything is read. */
    private static int page(@Nullable String page) {
        if (page == null || page.isBlank()) {
            return 1;
        }
        if (!page.strip().matches("[1-9]\\d{0,6}")) {
            throw new InvalidInputException("page", "ページ番号は1以上の整数です（1ページ50世帯）");
        }
        return Integer.parseInt(page.strip());
    }

    private static AtRiskFilter filter(String hazardType, Integer minSeverity, Boolean includeNear, String planStatus) {
        List<FieldError> errors = new ArrayList<>();
        List<String> statuses = null;
        if (planStatus != null && !planStatus.isBlank()) {
            statuses = java.util.Arrays.stream(planStatus.split(",")).map(String::strip)
                    .map(status -> status.toUpperCase(Locale.ROOT)).distinct().toList();
            if (planStatus.length() > 100 || !AtRiskFilter.PLAN_STATUSES.containsAll(statuses)) {
                errors.add(new FieldError("planStatus", "個別避難計画の状況は NOT_APPLIED、APPLIED、ACCEPTED、COMPLETED、NONE"
                        + "（カンマ区切りで複数可）です"));
            }
        }
        HazardType type = null;
        if (hazardType != null && !hazardType.isBlank()) {
            type = hazardType.length() > 40 ? null : HazardType.parse(hazardType).orElse(null);
            if (type == null) {
                errors.add(new FieldError("hazardType", "災害種別は FLOOD、LANDSLIDE、TSUNAMI、STORM_SURGE のいずれかです"));
            }
        }
        int max = type == null ? 6 : type.maxSeverity();
        if (minSeverity != null && (minSeverity < 1 || minSeverity > max)) {
            errors.add(new FieldError("minSeverity", "危険度の下限は1〜" + max + "の整数です"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new AtRiskFilter(type, minSeverity == null ? 1 : minSeverity,
                includeNear != null ? includeNear : minSeverity == null, statuses);
    }

    private static String format(String format, HttpRequest<?> request) {
        if (format != null && !format.isBlank()) {
            String wanted = format.strip().toLowerCase(Locale.ROOT);
            if (!List.of("json", "geojson", "csv", "xlsx").contains(wanted)) {
                throw new InvalidInputException("format", "形式は json、geojson、csv、xlsx のいずれかです");
            }
            return wanted;
        }
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains(XlsxExport.CONTENT_TYPE)) {
            return "xlsx";
        }
        if (accept != null && accept.contains("text/csv")) {
            return "csv";
        }
        if (accept != null && accept.contains("application/geo+json")) {
            return "geojson";
        }
        return "json";
    }

    private String disposition(AtRiskList.Result result, String extension) {
        String day = DateTimeFormatter.BASIC_ISO_DATE.format(JapanTime.today(clock));
        String ascii = "at-risk-" + result.municipality().code() + "-" + day + "." + extension;
        String japanese = "要確認世帯_" + result.municipality().name() + "_" + day + "." + extension;
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(japanese, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, Object> geoJson(AtRiskList.Result result) {
        List<Map<String, Object>> features = new ArrayList<>();
        for (var household : result.households()) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("id", household.id());
            properties.put("basis", household.basis());
            properties.put("childName", household.childName());
            properties.put("childNameKana", household.childNameKana());
            properties.put("address", household.address());
            properties.put("municipalityCode", household.municipalityCode());
            properties.put("wardCode", household.wardCode());
            properties.put("ventilatorDependent", household.ventilatorDependent());
            properties.put("exposures", household.exposures());
            properties.put("place", household.place());
            properties.put("evacuationPlanStatus", household.evacuationPlanStatus());
            features.add(Map.of("type", "Feature", "id", household.id(),
                    "geometry", Map.of("type", "Point", "coordinates", List.of(household.longitude(), household.latitude())),
                    "properties", properties));
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("municipality", result.municipality());
        collection.put("generatedAt", result.generatedAt());
        collection.put("filter", result.filter());
        collection.put("notice", result.notice());
        collection.put("credits", result.credits());
        collection.put("features", features);
        return collection;
    }
}
