package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.disasters.DisasterEvent;
import jp.inochi.disasters.DisasterEvents;
import jp.inochi.disasters.EventAreas;
import jp.inochi.disasters.EventLists;
import jp.inochi.disasters.EventViews;
import jp.inochi.disasters.model.AreaKind;
import jp.inochi.disasters.model.EventType;
import jp.inochi.layers.reading.crs.EpsgNames;
import jp.inochi.layers.UploadReceiver;
import jp.inochi.lifecycle.LifecycleEvent;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InvalidInputException;

/** 災害対応: declared, updated and closed by center staff; read by the center, auditors and the officers concerned. */
@Tag(name = "災害対応")
@Controller("/api/disaster-events")
@ExecuteOn(TaskExecutors.BLOCKING)
class DisasterEventController {
    private final DisasterEvents events;
    private final DeclaringEvents declaring;
    private final EventOutages outages;
    private final ReevaluatingEventAreas reevaluating;
    private final OpeningMunicipalAccess municipalAccess;
    private final ClosingEvents closing;
    private final EventLists lists;
    private final UploadReceiver uploads;

    DisasterEventController(DisasterEvents events, DeclaringEvents declaring, EventOutages outages,
                            ReevaluatingEventAreas reevaluating, OpeningMunicipalAccess municipalAccess,
                            ClosingEvents closing, EventLists lists, UploadReceiver uploads) {
        this.events = events;
        this.declaring = declaring;
        this.outages = outages;
        this.reevaluating = reevaluating;
        this.municipalAccess = municipalAccess;
        this.closing = closing;
        this.lists = lists;
        this.uploads = uploads;
    }

    @Serdeable
    record Area(@NotNull AreaKind kind, @Nullable @Size(max = 60) List<@NotBlank @Size(max = 5) String> codes,
                @Nullable @Size(max = 20_000_000) String geoJson, @Nullable Integer crs, @Nullable Long layerId,
                @Nullable Integer minSeverity) {
    }

    @Serdeable
    record Access(@Nullable Instant endsAt, @Nullable @Size(max = 500) String reason) {
    }

    @Serdeable
    record NewEvent(@NotBlank @Size(max = 200) String name, @NotNull EventType eventType, @Nullable Instant startsAt,
                    @Nullable Instant outageStartedAt, @Nullable Instant expectedRestorationAt,
                    @Nullable @Size(max = 2000) String note, @NotNull @Valid Area area,
                    @Nullable @Valid Access municipalAccess) {
    }

    @Serdeable
    record Restoration(@NotBlank @Size(max = 5) String municipalityCode, @NotNull Instant expectedAt) {
    }

    @Serdeable
    record Outage(@Nullable Instant outageStartedAt, @Nullable Instant expectedRestorationAt,
                  @Nullable @Size(max = 45) List<@Valid Restoration> byMunicipality, @Nullable Long version) {
    }

    @Serdeable
    record Closing(@NotBlank @Size(max = 1000) String reason, @Nullable Long version, @Nullable Boolean endDeclaration) {
    }

    @Serdeable
    record Reevaluated(int added, EventViews.Event event) {
    }

    @Operation(summary = "災害対応の一覧（市町村防災担当には自分の市町村にかかるもの）")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.AUDITOR, Roles.MUNICIPAL_OFFICER})
    @Get
    List<EventViews.Event> list(Viewer viewer) {
        return events.visibleTo(viewer).stream().map(event -> lists.event(viewer, event)).toList();
    }

    @Operation(summary = "災害対応1件（範囲、対象世帯数、停電・復旧見込み、行える操作）")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.AUDITOR, Roles.MUNICIPAL_OFFICER})
    @Get("/{id}")
    EventViews.Event get(Viewer viewer, long id) {
        return lists.event(viewer, events.get(viewer, id));
    }

    @Operation(summary = "災害対応を開始する（種類、範囲、開始日時、停電の開始、復旧見込み）",
            description = "範囲（area.kind）: MUNICIPALITIES（codes に市町村・区コード）、POLYGON（geoJson に GeoJSON。"
                    + "crs がなければ RFC 7946 の経緯度）、HAZARD_ZONES（layerId のハザード区域のうち minSeverity 以上）。"
                    + "対象の世帯はこの時点で確定します（あとで再判定すると追加されます）。"
                    + "municipalAccess を付けると（センター管理者のみ）、対象市町村への災害宣言を同時に発令し、"
                    + "市町村防災担当が同意のない世帯も閲覧できるようになります。")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    @Post
    @Status(HttpStatus.CREATED)
    EventViews.Event declare(Viewer viewer, @Body @Valid NewEvent body) {
        Area area = body.area();
        DisasterEvent event = declaring.declare(viewer, new DeclaringEvents.Declaration(body.name(), body.eventType(),
                body.startsAt(), body.outageStartedAt(), body.expectedRestorationAt(), body.note(),
                new EventAreas.AreaRequest(area.kind(), area.codes(), area.geoJson(), area.crs(), area.layerId(),
                        area.minSeverity(), null, null),
                body.municipalAccess() == null ? null
                        : new OpeningMunicipalAccess.MunicipalAccess(body.municipalAccess().endsAt(), body.municipalAccess().reason())),
                "POST /api/disaster-events");
        return lists.event(viewer, event);
    }

    @Operation(summary = "災害対応を範囲のファイルで開始する（GeoJSON、シェープファイル、GeoPackage、その ZIP）",
            description = "multipart の項目: ファイル、name、eventType、startsAt、outageStartedAt、expectedRestorationAt、note、"
                    + "crs（ファイルに座標系がない場合の EPSG コード）、openMunicipalAccess（true で災害宣言も発令。センター管理者のみ）、"
                    + "accessEndsAt、accessReason。")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    @Post(value = "/upload", consumes = MediaType.MULTIPART_FORM_DATA)
    @Status(HttpStatus.CREATED)
    EventViews.Event declareWithFile(Viewer viewer, @Body MultipartBody body) throws IOException {
        UploadReceiver.Upload upload = uploads.receive(body);
        try {
            List<FieldError> errors = new ArrayList<>();
            if (upload.files().isEmpty()) {
                errors.add(new FieldError("file", "範囲のファイルを添付してください（GeoJSON、シェープファイル、GeoPackage、その ZIP）"));
            }
            String name = upload.field("name");
            if (name == null || name.length() > 200) {
                errors.add(new FieldError("name", "災害対応の名前を200文字以内で入力してください"));
            }
            EventType type = parseType(upload.field("eventType"), errors);
            Instant startsAt = instant(upload.field("startsAt"), "startsAt", errors);
            Instant outage = instant(upload.field("outageStartedAt"), "outageStartedAt", errors);
            Instant restoration = instant(upload.field("expectedRestorationAt"), "expectedRestorationAt", errors);
            Instant accessEnds = instant(upload.field("accessEndsAt"), "accessEndsAt", errors);
            Integer crs = null;
            if (upload.field("crs") != null) {
                crs = EpsgNames.parse(upload.field("crs")).orElse(null);
                if (crs == null) {
                    errors.add(new FieldError("crs", "座標系は EPSG コードで指定してください（例: 6668、EPSG:6670）"));
                }
            }
            String note = upload.field("note");
            if (note != null && note.length() > 2000) {
                errors.add(new FieldError("note", "メモは2000文字以内で入力してください"));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            boolean access = "true".equalsIgnoreCase(upload.field("openMunicipalAccess"));
            DisasterEvent event = declaring.declare(viewer, new DeclaringEvents.Declaration(name, type, startsAt, outage,
                    restoration, note, new EventAreas.AreaRequest(AreaKind.POLYGON, null, null, crs, null, null,
                            upload.files(), null),
                    access ? new OpeningMunicipalAccess.MunicipalAccess(accessEnds, upload.field("accessReason")) : null),
                    "POST /api/disaster-events/upload");
            return lists.event(viewer, event);
        } finally {
            UploadReceiver.delete(upload.directory());
        }
    }

    @Operation(summary = "停電の開始と復旧見込みを更新する（市町村ごとの復旧見込みも）",
            description = "電気の復旧が早いエリア・遅いエリアがあるため（研究報告書 9692行目）、byMunicipality で市町村ごとの"
                    + "復旧見込みを指定できます（指定のない市町村は災害対応全体の見込み）。")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    @Post("/{id}/outage")
    EventViews.Event outage(Viewer viewer, long id, @Body @Valid Outage body) {
        List<EventOutages.Restoration> restorations = body.byMunicipality() == null ? List.of()
                : body.byMunicipality().stream()
                        .map(r -> new EventOutages.Restoration(r.municipalityCode(), r.expectedAt())).toList();
        return lists.event(viewer, outages.updateOutage(viewer, id, body.outageStartedAt(), body.expectedRestorationAt(),
                restorations, body.version(), "POST /api/disaster-events/{id}/outage"));
    }

    @Operation(summary = "対象世帯を再判定する（範囲に入った世帯を追加。外れた世帯は残します）")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    @Post("/{id}/reevaluate")
    Reevaluated reevaluate(Viewer viewer, long id) {
        int added = reevaluating.reevaluate(viewer, id, "POST /api/disaster-events/{id}/reevaluate");
        return new Reevaluated(added, lists.event(viewer, events.get(viewer, id)));
    }

    @Operation(summary = "対象市町村への情報提供を開始する（災害宣言を発令。センター管理者のみ）")
    @Secured(Roles.CENTER_ADMIN)
    @Post("/{id}/municipal-access")
    EventViews.Event municipalAccess(Viewer viewer, long id, @Body @Valid Access body) {
        return lists.event(viewer, municipalAccess.openMunicipalAccess(viewer, id, new OpeningMunicipalAccess.MunicipalAccess(body.endsAt(),
                body.reason()), "POST /api/disaster-events/{id}/municipal-access"));
    }

    @Operation(summary = "災害対応を終了する（以後、安否確認メールの送信と回答の受付を止めます）")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    @Post("/{id}/close")
    EventViews.Event close(Viewer viewer, long id, @Body @Valid Closing body) {
        return lists.event(viewer, closing.close(viewer, id, body.reason(), body.version(),
                !Boolean.FALSE.equals(body.endDeclaration()), "POST /api/disaster-events/{id}/close"));
    }

    @Operation(summary = "災害対応の経過（開始、更新、安否確認の開始、終了。誰がいつ）")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.AUDITOR, Roles.MUNICIPAL_OFFICER})
    @Get("/{id}/timeline")
    List<LifecycleEvent> timeline(Viewer viewer, long id) {
        events.get(viewer, id);
        return events.timeline(viewer, id);
    }

    private static EventType parseType(@Nullable String text, List<FieldError> errors) {
        if (text != null) {
            for (EventType type : EventType.values()) {
                if (type.name().equalsIgnoreCase(text.strip()) || type.label().equals(text.strip())) {
                    return type;
                }
            }
        }
        errors.add(new FieldError("eventType", "災害の種類は " + String.join("、", Arrays.stream(EventType.values())
                .map(type -> type.name() + "（" + type.label() + "）").toList()) + " のいずれかです"));
        return null;
    }

    private static Instant instant(@Nullable String text, String field, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text.strip()).toInstant();
            } catch (DateTimeParseException again) {
                errors.add(new FieldError(field, "日時は ISO 8601 で指定してください（例: 2026-09-01T09:00:00+09:00）"));
                return null;
            }
        }
    }
}
