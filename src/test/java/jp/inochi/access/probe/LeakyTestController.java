package jp.inochi.access.probe;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Viewer;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdDirectory;
import jp.inochi.households.HouseholdRepository;
import jp.inochi.platform.problem.NotFoundException;

/**
 * Endpoints that make the mistakes the leak probe must catch, present only in {@code LeakProbeCatchesLeaksTest}
 * (and hidden from the service's OpenAPI document). Never copy these.
 */
@Hidden
@Requires(property = "inochi.test.leaky-endpoints", value = "true")
@Controller("/test-leaks")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class LeakyTestController {
    private final HouseholdRepository households;
    private final HouseholdDirectory directory;

    LeakyTestController(HouseholdRepository households, HouseholdDirectory directory) {
        this.households = households;
        this.directory = directory;
    }

    /** Forgets the scope: anyone signed in reads any household. */
    @Get("/households/{id}")
    Map<String, Object> unscoped(long id) {
        Household household = households.findById(id).orElseThrow(() -> new NotFoundException("世帯"));
        return Map.of("childFamilyName", household.childFamilyName(), "childGivenName", household.childGivenName(),
                "address", household.address());
    }

    /** Returns nothing personal, but answers 200 for another municipality's household. */
    @Get("/plan-status/{householdId}")
    Map<String, Object> planStatus(long householdId) {
        households.findById(householdId).orElseThrow(() -> new NotFoundException("世帯"));
        return Map.of("status", "作成済み");
    }

    /** Names written with JSON unicode escapes: the probe reads the JSON, not only the bytes. */
    @Get(value = "/escaped/{householdId}", produces = MediaType.APPLICATION_JSON)
    String escaped(long householdId) {
        Household household = households.findById(householdId).orElseThrow(() -> new NotFoundException("世帯"));
        StringBuilder escaped = new StringBuilder();
        household.address().chars().forEach(c -> escaped.append(String.format("\\u%04x", c)));
        return "{\"address\":\"" + escaped + "\"}";
    }

    /** Filters by the municipality the caller asked for, not the one they may see. */
    @Get("/list")
    List<String> list(@Nullable @QueryValue String municipalityCode) {
        return households.findAll().stream()
                .filter(household -> household.municipalityCode() != null && household.municipalityCode().equals(municipalityCode))
                .map(Household::address).toList();
    }

    /** Scoped correctly, but shows clinical detail to an officer. */
    @Get("/clinical")
    Map<String, Object> clinical(Viewer viewer) {
        return Map.of("nicuInstitution", "熊本大学病院", "ventilatorHoursPerDay", 24);
    }

    /** A parameter the probe has no rule or table for. */
    @Get("/widgets/{widgetId}")
    Map<String, Object> widget(String widgetId) {
        return Map.of();
    }

    /** Done right: scoped in SQL, 404 outside. */
    @Get("/scoped/{householdId}")
    HttpResponse<Map<String, Object>> scoped(Viewer viewer, long householdId) {
        var visible = directory.read(viewer, householdId, "GET /test-leaks/scoped/{householdId}");
        return HttpResponse.ok(Map.of("address", visible.household().address()));
    }
}
