package jp.inochi.inspections;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.devices.DeviceCondition;
import jp.inochi.inspections.model.InspectionOutcome;
import jp.inochi.lifecycle.Actor;
import jp.inochi.platform.hygiene.MultipartNames;
import jp.inochi.platform.problem.NotFoundException;

@Tag(name = "年次確認")
@Controller("/api/inspections")
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
class InspectionController {
    private final Inspections inspections;
    private final AuditLog auditLog;

    InspectionController(Inspections inspections, AuditLog auditLog) {
        this.inspections = inspections;
        this.auditLog = auditLog;
    }

    @Serdeable
    record InspectionView(long id, long loanId, long deviceId, long householdId, LocalDate inspectedOn,
                          DeviceCondition deviceCondition, boolean testRunPassed, boolean fuelStoredSafely,
                          BigDecimal fuelStoredLitres, boolean childUsesVentilatorAroundClock,
                          boolean familyLivesInPrefecture, @Nullable String notes, InspectionOutcome outcome,
                          String outcomeLabel, List<InspectionPhoto> photos, boolean childLivesAtHome) {
    }

    @Serdeable
    record RecordedView(InspectionView inspection, LocalDate nextCheckDue, boolean returnOpened, String loanState) {
    }

    @Operation(summary = "確認の一覧（貸与で絞り込み）")
    @Get
    List<InspectionView> list(Viewer viewer, @Nullable @QueryValue Long loanId) {
        List<Inspection> found = inspections.list(loanId);
        auditLog.householdsRead(viewer, "/api/inspections", found.stream().map(Inspection::householdId).distinct()
                .map(id -> new HouseholdAccess(id, AccessBasis.CENTER)).toList());
        return found.stream().map(this::view).toList();
    }

    @Operation(summary = "年次確認を記録する（条件を満たさない結果は返還手続を開始）")
    @Post
    HttpResponse<RecordedView> record(Viewer viewer, @Body @Valid Inspections.NewInspection body) {
        Inspections.Recorded recorded = inspections.record(Actor.of(viewer), body);
        return HttpResponse.created(new RecordedView(view(recorded.inspection()), recorded.loan().nextCheckDue(),
                recorded.returnOpened(), recorded.loan().state().name()));
    }

    @Operation(summary = "確認")
    @Get("/{id}")
    InspectionView get(Viewer viewer, long id) {
        Inspection inspection = inspections.get(id);
        auditLog.householdsRead(viewer, "/api/inspections/{id}",
                List.of(new HouseholdAccess(inspection.householdId(), AccessBasis.CENTER)));
        return view(inspection);
    }

    @Operation(summary = "確認の写真の一覧")
    @Get("/{id}/photos")
    List<InspectionPhoto> photos(long id) {
        return inspections.photos(id);
    }

    @Operation(summary = "確認の写真を追加する（JPEG・PNG、サイズ上限あり。フォーム項目名は file）")
    @Post(value = "/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<InspectionPhoto> addPhoto(Viewer viewer, long id, CompletedFileUpload file) {
        MultipartNames.check(file.getName(), file.getFilename());
        try (InputStream content = file.getInputStream()) {
            return HttpResponse.created(inspections.addPhoto(Actor.of(viewer), id, file.getFilename(), content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Operation(summary = "確認の写真（画像そのもの）")
    @Get(value = "/{id}/photos/{photoId}", produces = {"image/jpeg", "image/png"})
    SystemFile photo(Viewer viewer, long id, long photoId) {
        Inspections.PhotoFile file = inspections.photoFile(id, photoId);
        if (!Files.isRegularFile(file.path())) {
            throw new NotFoundException("写真のファイル");
        }
        Inspection inspection = inspections.get(id);
        auditLog.householdsRead(viewer, "/api/inspections/{id}/photos/{photoId}",
                List.of(new HouseholdAccess(inspection.householdId(), AccessBasis.CENTER)));
        return new SystemFile(file.path().toFile(), MediaType.of(file.photo().contentType()));
    }

    private InspectionView view(Inspection i) {
        return new InspectionView(i.id(), i.loanId(), i.deviceId(), i.householdId(), i.inspectedOn(),
                i.deviceCondition(), i.testRunPassed(), i.fuelStoredSafely(), i.fuelStoredLitres(),
                i.childUsesVentilatorAroundClock(), i.familyLivesInPrefecture(), i.notes(), i.outcome(),
                i.outcome().label(), inspections.photos(i.id()), i.childLivesAtHome());
    }
}
