package jp.inochi.exposure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.households.HouseholdRepository;
import jp.inochi.platform.problem.NotFoundException;

/** A household's exposure to each hazard type, for people who may see the household (scoped and audited). */
@Tag(name = "ハザード区域と世帯")
@Controller("/api/households/{id}/exposure")
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
@ExecuteOn(TaskExecutors.BLOCKING)
class ExposureController {
    private final HouseholdRepository households;
    private final ExposureReadings readings;
    private final AuditLog auditLog;
    private final Clock clock;

    ExposureController(HouseholdRepository households, ExposureReadings readings, AuditLog auditLog, Clock clock) {
        this.households = households;
        this.readings = readings;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Serdeable
    record Exposure(long householdId, String notice, List<HazardExposure> exposures, @Nullable String attention) {
    }

    @Operation(summary = "世帯の災害種別ごとの区域（最も危険な区域、区域の近く、指定なし）",
            description = "区域外は「指定なし」と表示し、安全とは表示しません。土砂災害は設定した距離（既定50m）以内なら「区域の近く」です。")
    @Get
    Exposure exposure(@PathVariable long id, Viewer viewer) {
        AccessBasis basis = households.findAccessBasis(id, viewer.scope(clock)).map(AccessBasis::valueOf)
                .orElseThrow(() -> new NotFoundException("世帯"));
        List<HazardExposure> exposures = readings.forHouseholds(List.of(id)).get(id);
        auditLog.householdsRead(viewer, "GET /api/households/{id}/exposure", List.of(new HouseholdAccess(id, basis)));
        boolean pending = exposures.stream().anyMatch(exposure -> exposure.label().equals(HazardExposure.PENDING));
        return new Exposure(id, HazardExposure.NOTICE, exposures,
                pending ? "位置が登録されていないか、まだ計算されていない災害種別があります（未評価）" : null);
    }
}
