package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.disasters.CareCoordinators;
import jp.inochi.disasters.HouseholdPower;
import jp.inochi.disasters.model.PowerSourceKind;

/** A household's power autonomy, its other power sources and its own coordinator. */
@Tag(name = "災害対応")
@Controller("/api/households/{householdId}")
@ExecuteOn(TaskExecutors.BLOCKING)
class HouseholdPowerController {
    private final HouseholdPower power;
    private final CareCoordinators coordinators;

    HouseholdPowerController(HouseholdPower power, CareCoordinators coordinators) {
        this.power = power;
        this.coordinators = coordinators;
    }

    @Serdeable
    record Source(@NotNull PowerSourceKind kind, @Nullable @Size(max = 200) String description,
                  @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("2000") BigDecimal hours) {
    }

    @Serdeable
    record Sources(@NotNull @Size(max = 10) List<@Valid Source> sources) {
    }

    @Serdeable
    record Assignment(@Nullable Long coordinatorId) {
    }

    @Operation(summary = "電源の自立時間（人工呼吸器を停電時に動かせる時間）",
            description = "内部バッテリー＋予備バッテリー（個数×1個あたり）＋発電機（1タンクの運転時間×備蓄燃料÷タンク容量。"
                    + "年次確認の記録）＋ほかの電源。未登録の項目は0時間として数え、その旨を示します。72時間未満と、"
                    + "対応中の災害の停電見込みに足りない場合に注意を付けます。閲覧は監査ログに記録します。")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
    @Get("/power-autonomy")
    HouseholdPower.Autonomy autonomy(Viewer viewer, long householdId) {
        return power.autonomy(viewer, householdId, "GET /api/households/{householdId}/power-autonomy");
    }

    @Operation(summary = "ほかの電源（給電できる自動車、ポータブル電源など）")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
    @Get("/power-sources")
    List<HouseholdPower.Source> sources(Viewer viewer, long householdId) {
        return power.sources(viewer, householdId, "GET /api/households/{householdId}/power-sources");
    }

    @Operation(summary = "ほかの電源を登録し直す（センター職員）", description = "hours は人工呼吸器を動かせる時間です。")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    @Put("/power-sources")
    List<HouseholdPower.Source> replace(Viewer viewer, long householdId, @Body @Valid Sources body) {
        return power.replace(viewer, householdId, body.sources().stream()
                .map(source -> new HouseholdPower.NewSource(source.kind(), source.description(), source.hours())).toList(),
                "PUT /api/households/{householdId}/power-sources");
    }

    @Operation(summary = "世帯の担当コーディネーターを決める（null で市町村の主担当に戻す。センター職員）")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    @Put("/coordinator")
    void assign(Viewer viewer, long householdId, @Body Assignment body) {
        coordinators.assign(viewer, householdId, body.coordinatorId(), "PUT /api/households/{householdId}/coordinator");
    }
}
