package jp.inochi.municipalities;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

@Tag(name = "市町村")
@Controller("/api/municipalities")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class MunicipalityController {

    private final Municipalities municipalities;

    MunicipalityController(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    @Operation(summary = "熊本県の45市町村と熊本市の5区")
    @Get
    List<Municipality> list() {
        return municipalities.allWithWards();
    }
}
