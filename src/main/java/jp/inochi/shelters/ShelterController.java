package jp.inochi.shelters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.households.HouseholdRepository;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.problem.NotFoundException;

/** Nearest shelters and 福祉避難所 candidates, with the distance and whether the shelter itself is in a hazard zone. */
@Tag(name = "避難所")
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class ShelterController {
    static final String NOTICE = "距離は直線距離です。実際の経路や、災害時に開設されるかは市町村に確認してください。";

    private final NearestShelters shelters;
    private final HouseholdRepository households;
    private final AuditLog auditLog;
    private final Clock clock;

    ShelterController(NearestShelters shelters, HouseholdRepository households, AuditLog auditLog, Clock clock) {
        this.shelters = shelters;
        this.households = households;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Serdeable
    record Nearby(String notice, NearestShelters.Search search, List<NearestShelters.NearbyShelter> shelters) {
    }

    @Operation(summary = "世帯から近い避難所（直線距離、避難所自体のハザード区域）",
            description = "welfareOnly=true で福祉避難所の候補だけ。avoidHazardType と avoidMinSeverity で、その災害の区域"
                    + "（危険度が下限以上）にある避難所を除きます。世帯の閲覧として監査ログに記録します。")
    @Get("/households/{id}/shelters")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
    Nearby forHousehold(@PathVariable long id, @Nullable @QueryValue Integer limit, @Nullable @QueryValue Boolean welfareOnly,
                        @Nullable @QueryValue String avoidHazardType, @Nullable @QueryValue Integer avoidMinSeverity,
                        Viewer viewer) {
        NearestShelters.Search search = search(limit, welfareOnly, avoidHazardType, avoidMinSeverity);
        AccessBasis basis = households.findAccessBasis(id, viewer.scope(clock)).map(AccessBasis::valueOf)
                .orElseThrow(() -> new NotFoundException("世帯"));
        List<NearestShelters.NearbyShelter> found = shelters.nearHousehold(id, search);
        auditLog.householdsRead(viewer, "GET /api/households/{id}/shelters", List.of(new HouseholdAccess(id, basis)));
        return new Nearby(NOTICE, search, found);
    }

    @Operation(summary = "地点から近い避難所（個人情報を含みません）")
    @Get("/shelters/nearest")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Nearby near(@QueryValue double lon, @QueryValue double lat, @Nullable @QueryValue Integer limit,
                @Nullable @QueryValue Boolean welfareOnly, @Nullable @QueryValue String avoidHazardType,
                @Nullable @QueryValue Integer avoidMinSeverity) {
        if (lon < 120 || lon > 155 || lat < 20 || lat > 47) {
            throw new InvalidInputException("lon", "地点は日本国内の経緯度（JGD2011）で指定してください");
        }
        NearestShelters.Search search = search(limit, welfareOnly, avoidHazardType, avoidMinSeverity);
        return new Nearby(NOTICE, search, shelters.near(lon, lat, search));
    }

    private static NearestShelters.Search search(Integer limit, Boolean welfareOnly, String avoidHazardType,
                                                 Integer avoidMinSeverity) {
        List<FieldError> errors = new ArrayList<>();
        int count = limit == null ? 5 : limit;
        if (count < 1 || count > 50) {
            errors.add(new FieldError("limit", "件数は1〜50で指定してください"));
        }
        HazardType avoid = null;
        if (avoidHazardType != null && !avoidHazardType.isBlank()) {
            avoid = HazardType.parse(avoidHazardType).orElse(null);
            if (avoid == null) {
                errors.add(new FieldError("avoidHazardType", "災害種別は FLOOD、LANDSLIDE、TSUNAMI、STORM_SURGE のいずれかです"));
            }
        }
        if (avoidMinSeverity != null && avoidMinSeverity < 1) {
            errors.add(new FieldError("avoidMinSeverity", "危険度の下限は1以上です"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new NearestShelters.Search(count, Boolean.TRUE.equals(welfareOnly), avoid,
                avoid == null ? null : (avoidMinSeverity == null ? 1 : avoidMinSeverity));
    }
}
