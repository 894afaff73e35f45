package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.disasters.CareCoordinator;
import jp.inochi.disasters.CareCoordinators;

/** 医療的ケア児等コーディネーター: kept by center staff, shown on every call-list row of their municipality. */
@Tag(name = "災害対応")
@Controller("/api/care-coordinators")
@ExecuteOn(TaskExecutors.BLOCKING)
class CareCoordinatorController {
    private final CareCoordinators coordinators;

    CareCoordinatorController(CareCoordinators coordinators) {
        this.coordinators = coordinators;
    }

    @Serdeable
    record Details(@NotBlank @Size(max = 5) String municipalityCode, @NotBlank @Size(max = 100) String name,
                   @Nullable @Size(max = 200) String organisation, @Nullable @Size(max = 40) String phone,
                   @Nullable @Email @Size(max = 254) String email, boolean primaryContact, @Nullable Boolean active,
                   @Nullable Long version) {
        CareCoordinators.Details details() {
            return new CareCoordinators.Details(municipalityCode, name, organisation, phone, email, primaryContact,
                    active == null || active);
        }
    }

    @Operation(summary = "コーディネーターの一覧（市町村防災担当には自分の市町村のもの）")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
    @Get
    List<CareCoordinator> list(Viewer viewer) {
        return coordinators.visibleTo(viewer);
    }

    @Operation(summary = "コーディネーター1人")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
    @Get("/{id}")
    CareCoordinator get(Viewer viewer, long id) {
        return coordinators.get(viewer, id);
    }

    @Operation(summary = "コーディネーターを登録する（primaryContact で市町村の主担当に）")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    @Post
    @Status(HttpStatus.CREATED)
    CareCoordinator create(Viewer viewer, @Body @Valid Details body) {
        return coordinators.create(viewer, body.details(), "POST /api/care-coordinators");
    }

    @Operation(summary = "コーディネーターを更新する")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    @Put("/{id}")
    CareCoordinator update(Viewer viewer, long id, @Body @Valid Details body) {
        return coordinators.update(viewer, id, body.details(), body.version(), "PUT /api/care-coordinators/{id}");
    }
}
