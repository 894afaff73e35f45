package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.disasters.EventLists;
import jp.inochi.disasters.EventViews;
import jp.inochi.disasters.model.SafetyStatus;
import jp.inochi.platform.csv.ExcelCsv;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.platform.xlsx.XlsxExport;

/**
 * The lists of a disaster event: the call list, the unreached list, the dashboard, the map and the record. Each shows
 * only the households the viewer may see, and each household shown is audited (files as exports).
 */
@Tag(name = "災害対応")
@Controller("/api/disaster-events/{id}")
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
@ExecuteOn(TaskExecutors.BLOCKING)
class EventListController {
    static final MediaType GEOJSON = MediaType.of("application/geo+json");
    private static final List<String> LIST_FORMATS = List.of("json", "csv", "xlsx");

    private final EventLists lists;
    private final JsonMapper json;
    private final Clock clock;

    EventListController(EventLists lists, JsonMapper json, Clock clock) {
        this.lists = lists;
        this.json = json;
        this.clock = clock;
    }

    @Operation(summary = "連絡リスト（人工呼吸器の方を先に、電源の残り・自宅のハザード・使用時間の順）",
            description = "災害対応の対象世帯のうち閲覧できる世帯を、人工呼吸器の方から (1) 停電からの経過時間を引いた電源の残りの短い順"
                    + "（電源情報なしは0時間）、(2) 自宅のハザードの危険度の高い順、(3) 人工呼吸器の1日の使用時間の長い順に並べます"
                    + "（研究報告書 9025行目・7483行目）。各行に連絡先、個別避難計画の状況、ハザード外の福祉避難所候補、"
                    + "市町村とコーディネーター、安否確認の状況（回答は即時に反映）。status で絞り込み（カンマ区切り）。"
                    + "format: json（既定）、csv（Excel 用）、xlsx（Excel のブック。日時は和暦と西暦、2枚目に注意書きと出典）。"
                    + "Accept: text/csv、application/vnd.openxmlformats-officedocument.spreadsheetml.sheet でも選べます。"
                    + "1世帯ずつ監査ログに記録します。")
    @Get(value = "/call-list", produces = {MediaType.APPLICATION_JSON, "text/csv", XlsxExport.CONTENT_TYPE})
    HttpResponse<?> callList(long id, @Nullable @QueryValue String status, @Nullable @QueryValue String format,
                             HttpRequest<?> request, Viewer viewer) {
        String chosen = format(format, request, LIST_FORMATS);
        EventViews.CallList list = lists.callList(viewer, id, statuses(status), !chosen.equals("json"), "call-list",
                "GET /api/disaster-events/{id}/call-list" + query(chosen));
        return listIn(chosen, list, "call-list-" + id, "連絡リスト", viewer);
    }

    @Operation(summary = "未確認の世帯（回答の期限までに安否が確認できず、電話で確認する世帯）",
            description = "安否確認の回答期限を過ぎても回答がない世帯と、メールで連絡できない世帯（同意・アドレスなし、送信失敗）。"
                    + "並び順は連絡リストと同じ。電話の結果は POST .../households/{householdId}/contacts で記録します。"
                    + "format: json（既定）、csv、xlsx。")
    @Get(value = "/unreached", produces = {MediaType.APPLICATION_JSON, "text/csv", XlsxExport.CONTENT_TYPE})
    HttpResponse<?> unreached(long id, @Nullable @QueryValue String format, HttpRequest<?> request, Viewer viewer) {
        String chosen = format(format, request, LIST_FORMATS);
        EventViews.CallList list = lists.callList(viewer, id, EnumSet.of(SafetyStatus.UNREACHED), !chosen.equals("json"),
                "unreached", "GET /api/disaster-events/{id}/unreached" + query(chosen));
        return listIn(chosen, list, "unreached-" + id, "未確認世帯", viewer);
    }

    @Operation(summary = "災害対応の状況（安否の状況別・市町村別の世帯数、電源の注意、安否確認メール）",
            description = "閲覧できる世帯だけを数えます（個人を特定する情報は含みません）。")
    @Get("/dashboard")
    EventViews.Dashboard dashboard(long id, Viewer viewer) {
        return lists.dashboard(viewer, id);
    }

    @Operation(summary = "対象世帯の地図データ（GeoJSON。安否の状況で色分け。氏名は含みません）")
    @Get(value = "/map", produces = {"application/geo+json", MediaType.APPLICATION_JSON})
    HttpResponse<byte[]> map(long id, Viewer viewer) throws IOException {
        Map<String, Object> map = lists.map(viewer, id, "GET /api/disaster-events/{id}/map");
        return HttpResponse.ok(json.writeValueAsBytes(map)).contentType(GEOJSON);
    }

    @Operation(summary = "災害対応の記録（誰に、いつ、どの方法で連絡がついたか）",
            description = "対象世帯ごとに、安否確認メール、メールのリンクでの回答、電話・訪問の記録をすべて。"
                    + "format: json（既定）、csv（Excel 用。連絡1件が1行）。エクスポートとして監査ログに記録します。")
    @Get(value = "/record", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    HttpResponse<?> record(long id, @Nullable @QueryValue String format, HttpRequest<?> request, Viewer viewer) {
        boolean csv = format(format, request, List.of("json", "csv")).equals("csv");
        EventViews.Record record = lists.record(viewer, id, csv, "GET /api/disaster-events/{id}/record"
                + (csv ? "?format=csv" : ""));
        return csv ? file(EventCsv.record(record), "record-" + id, "災害対応の記録_" + record.event().name())
                : HttpResponse.ok(record);
    }

    private HttpResponse<?> listIn(String format, EventViews.CallList list, String ascii, String title, Viewer viewer) {
        return switch (format) {
            case "csv" -> file(EventCsv.callList(list), ExcelCsv.CONTENT_TYPE, ascii, title + "_" + list.event().name(), "csv");
            case "xlsx" -> file(CallListXlsx.write(list, title, viewer), XlsxExport.CONTENT_TYPE, ascii,
                    title + "_" + list.event().name(), "xlsx");
            default -> HttpResponse.ok(list);
        };
    }

    private HttpResponse<byte[]> file(byte[] bytes, String ascii, String japanese) {
        return file(bytes, ExcelCsv.CONTENT_TYPE, ascii, japanese, "csv");
    }

    private HttpResponse<byte[]> file(byte[] bytes, String contentType, String ascii, String japanese, String extension) {
        String day = DateTimeFormatter.BASIC_ISO_DATE.format(JapanTime.today(clock));
        String safe = japanese.replaceAll("[\\\\/:*?\"<>|\\r\\n]", "_");
        return HttpResponse.ok(bytes).contentType(contentType)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii + "-" + day + "." + extension
                        + "\"; filename*=UTF-8''" + URLEncoder.encode(safe + "_" + day + "." + extension, StandardCharsets.UTF_8)
                        .replace("+", "%20"));
    }

    private static String query(String format) {
        return format.equals("json") ? "" : "?format=" + format;
    }

    /** json, csv or xlsx from ?format= or else the Accept header (a browser's Accept that also takes JSON means JSON). */
    private static String format(@Nullable String format, HttpRequest<?> request, List<String> allowed) {
        if (format != null && !format.isBlank()) {
            String wanted = format.strip().toLowerCase(Locale.ROOT);
            if (!allowed.contains(wanted)) {
                throw new InvalidInputException("format", "形式は " + String.join("、", allowed) + " のいずれかです");
            }
            return wanted;
        }
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        if (accept == null || accept.contains("application/json")) {
            return "json";
        }
        if (allowed.contains("xlsx") && accept.contains(XlsxExport.CONTENT_TYPE)) {
            return "xlsx";
        }
        return accept.contains("text/csv") ? "csv" : "json";
    }

    private static Set<SafetyStatus> statuses(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Set<SafetyStatus> statuses = EnumSet.noneOf(SafetyStatus.class);
        for (String part : text.split(",")) {
            String wanted = part.strip().toUpperCase(Locale.ROOT);
            try {
                statuses.add(SafetyStatus.valueOf(wanted));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("status", "安否の状況は " + String.join("、", EnumSet.allOf(SafetyStatus.class)
                        .stream().map(s -> s.name() + "（" + s.label() + "）").toList()) + " です（カンマ区切りで複数可）");
            }
        }
        return statuses;
    }
}
