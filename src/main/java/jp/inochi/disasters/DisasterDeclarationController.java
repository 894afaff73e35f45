package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.municipalities.Municipalities;
import jp.inochi.municipalities.Municipality;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.platform.time.JapaneseDates;

/** 災害宣言: declared, extended and ended by center admins; read by the center, auditors and the officers concerned. */
@Tag(name = "災害宣言")
@Controller("/api/disaster-declarations")
@ExecuteOn(TaskExecutors.BLOCKING)
class DisasterDeclarationController {
    private final Declarations declarations;
    private final Municipalities municipalities;
    private final Clock clock;

    DisasterDeclarationController(Declarations declarations, Municipalities municipalities, Clock clock) {
        this.declarations = declarations;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    @Serdeable
    record NewDeclaration(
            @NotEmpty @Size(max = 45) List<@NotBlank @Size(max = 5) String> municipalityCodes,
            @NotNull DeclaredHazard hazardType,
            @NotBlank @Size(max = 1000) String reason,
            @Nullable Instant startsAt,
            @NotNull Instant endsAt) {
    }

    @Serdeable
    record Extension(@NotNull Instant endsAt, @NotBlank @Size(max = 1000) String reason) {
    }

    @Serdeable
    record Ending(@NotBlank @Size(max = 1000) String reason) {
    }

    @Serdeable
    record MunicipalityName(String code, String name) {
    }

    @Serdeable
    record DeclarationView(long id, List<MunicipalityName> municipalities, DeclaredHazard hazardType, String hazardLabel,
                           String reason, Instant startsAt, String startsAtLabel, Instant endsAt, String endsAtLabel,
                           @Nullable Instant endedAt, @Nullable String endReason, DeclarationStatus status,
                           String statusLabel, long declaredBy, @Nullable Long endedBy) {
    }

    @Operation(summary = "災害宣言の一覧（市町村防災担当には自分の市町村のもの）")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.AUDITOR, Roles.MUNICIPAL_OFFICER})
    @Get
    List<DeclarationView> list(Viewer viewer) {
        Instant now = clock.instant();
        return declarations.visibleTo(viewer).stream().map(declaration -> view(declaration, now)).toList();
    }

    @Operation(summary = "災害宣言1件")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.AUDITOR, Roles.MUNICIPAL_OFFICER})
    @Get("/{id}")
    DeclarationView get(Viewer viewer, long id) {
        return view(declarations.get(viewer, id), clock.instant());
    }

    @Operation(summary = "災害宣言を発令する（対象市町村、災害の種類、理由、開始・終了日時）",
            description = "発令中は、対象市町村の防災担当が共有に同意していない世帯も閲覧できます（根拠: DECLARATION）。")
    @Secured(Roles.CENTER_ADMIN)
    @Post
    @Status(HttpStatus.CREATED)
    DeclarationView declare(Viewer admin, @Body @Valid NewDeclaration body) {
        DisasterDeclaration declared = declarations.declare(admin, new Declarations.Declaration(body.municipalityCodes(),
                body.hazardType(), body.reason(), body.startsAt(), body.endsAt()), "POST /api/disaster-declarations");
        return view(declared, clock.instant());
    }

    @Operation(summary = "災害宣言を延長する")
    @Secured(Roles.CENTER_ADMIN)
    @Post("/{id}/extend")
    DeclarationView extend(Viewer admin, long id, @Body @Valid Extension body) {
        return view(declarations.extend(admin, id, body.endsAt(), body.reason(),
                "POST /api/disaster-declarations/{id}/extend"), clock.instant());
    }

    @Operation(summary = "災害宣言を早期に終了する")
    @Secured(Roles.CENTER_ADMIN)
    @Post("/{id}/end")
    DeclarationView end(Viewer admin, long id, @Body @Valid Ending body) {
        return view(declarations.end(admin, id, body.reason(), "POST /api/disaster-declarations/{id}/end"), clock.instant());
    }

    private DeclarationView view(DisasterDeclaration declaration, Instant now) {
        DeclarationStatus status = declaration.status(now);
        return new DeclarationView(declaration.id(), declaration.municipalityCodes().stream()
                .map(code -> new MunicipalityName(code, municipalities.municipality(code).map(Municipality::name).orElse(code)))
                .toList(),
                declaration.hazardType(), declaration.hazardType().label(), declaration.reason(),
                declaration.startsAt(), label(declaration.startsAt()), declaration.endsAt(), label(declaration.endsAt()),
                declaration.endedAt(), declaration.endReason(), status, status.label(), declaration.declaredBy(),
                declaration.endedBy());
    }

    /** 令和8年7月1日（2026年7月1日） 09:00, in Japan time. */
    private static String label(Instant instant) {
        ZonedDateTime japan = instant.atZone(JapanTime.ZONE);
        return JapaneseDates.withGregorian(japan.toLocalDate()) + " " + String.format("%02d:%02d", japan.getHour(), japan.getMinute());
    }
}
