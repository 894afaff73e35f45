package jp.inochi.devices;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.LifecycleEvent;
import jp.inochi.platform.problem.NotFoundException;

@Tag(name = "装置")
@Controller("/api/devices")
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
class DeviceController {
    private final Devices devices;
    private final DeviceRepairs repairs;

    DeviceController(Devices devices, DeviceRepairs repairs) {
        this.devices = devices;
        this.repairs = repairs;
    }

    @Serdeable
    record DeviceView(long id, String serialNumber, String manufacturer, String model, int ratedOutputWatts,
                      boolean sineWave, FuelType fuelType, String fuelTypeLabel, BigDecimal tankLitres,
                      BigDecimal runtimeHoursPerTank, LocalDate purchaseDate, DeviceCondition condition,
                      String conditionLabel, DeviceState state, String stateLabel, @Nullable String notes,
                      @JsonInclude(JsonInclude.Include.ALWAYS) List<String> allowedActions, long version) {
    }

    @Serdeable
    record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(summary = "装置の一覧（状態で絞り込み）")
    @Get
    List<DeviceView> list(@Nullable @QueryValue DeviceState state) {
        return devices.list(state).stream().map(this::view).toList();
    }

    @Operation(summary = "装置を登録する")
    @Post
    HttpResponse<DeviceView> register(Viewer viewer, @Body @Valid Devices.DeviceDetails body) {
        return HttpResponse.created(view(devices.register(Actor.of(viewer), body)));
    }

    @Operation(summary = "装置")
    @Get("/{id}")
    DeviceView get(long id) {
        return view(devices.get(id));
    }

    @Operation(summary = "装置の登録内容を訂正する（状態は操作で変える）")
    @Put("/{id}")
    DeviceView correct(Viewer viewer, long id, @Body @Valid Devices.DeviceDetails body) {
        return view(devices.correct(Actor.of(viewer), id, body));
    }

    @Operation(summary = "装置の経過")
    @Get("/{id}/history")
    List<LifecycleEvent> history(long id) {
        return devices.history(id);
    }

    @Operation(summary = "修理に出す")
    @Post("/{id}/send-to-repair")
    DeviceView sendToRepair(Viewer viewer, long id, @Body @Valid Reason body) {
        return view(devices.moveManually(Actor.of(viewer), id, DeviceAction.SEND_TO_REPAIR, body.reason()));
    }

    @Operation(summary = "修理完了（貸出可能に戻す）。修理費用とご家族の負担の有無も記録できる")
    @Post("/{id}/finish-repair")
    DeviceView finishRepair(Viewer viewer, long id, @Body @Valid DeviceRepairs.RepairDone body) {
        repairs.finish(Actor.of(viewer), id, body);
        return view(devices.get(id));
    }

    @Operation(summary = "交換で回収した装置の点検に合格（貸出可能に戻す）")
    @Post("/{id}/pass-inspection")
    DeviceView passInspection(Viewer viewer, long id, @Body @Valid Reason body) {
        return view(devices.moveManually(Actor.of(viewer), id, DeviceAction.PASS_INSPECTION, body.reason()));
    }

    @Operation(summary = "装置の修理の記録（新しい順）")
    @Get("/{id}/repairs")
    List<DeviceRepair> repairs(long id) {
        return repairs.ofDevice(id);
    }

    @Operation(summary = "修理費用とご家族の負担の有無を記録・訂正する（ご家族の責任による破損のみ負担あり）")
    @Put("/{id}/repairs/{repairId}/cost")
    DeviceRepair recordRepairCost(Viewer viewer, long id, long repairId, @Body @Valid DeviceRepairs.RepairCost body) {
        if (repairs.get(repairId).deviceId() != id) {
            throw new NotFoundException("修理");
        }
        return repairs.recordCost(Actor.of(viewer), repairId, body);
    }

    @Operation(summary = "廃棄する")
    @Post("/{id}/retire")
    DeviceView retire(Viewer viewer, long id, @Body @Valid Reason body) {
        return view(devices.moveManually(Actor.of(viewer), id, DeviceAction.RETIRE, body.reason()));
    }

    private DeviceView view(Device d) {
        return new DeviceView(d.id(), d.serialNumber(), d.manufacturer(), d.model(), d.ratedOutputWatts(), d.sineWave(),
                d.fuelType(), d.fuelType().label(), d.tankLitres(), d.runtimeHoursPerTank(), d.purchaseDate(),
                d.condition(), d.condition().label(), d.state(), d.state().label(), d.notes(), devices.manualActions(d),
                d.version());
    }
}
