package jp.inochi.dashboard;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.access.Viewer;
import jp.inochi.disasters.EventDeclarations;
import jp.inochi.web.Pages;

/** The start page: the center's dashboard; officers and auditors go to their own first page. */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
final class HomePage {
    /** Where an officer starts. */
    static final String OFFICER_HOME = "/map";

    private final Dashboard dashboard;
    private final Pages pages;
    private final RefusalAlerts refusalAlerts;
    private final EventDeclarations declarations;

    HomePage(Dashboard dashboard, Pages pages, RefusalAlerts refusalAlerts, EventDeclarations declarations) {
        this.declarations = declarations;
        this.dashboard = dashboard;
        this.pages = pages;
        this.refusalAlerts = refusalAlerts;
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/")
    HttpResponse<?> home(Viewer viewer) {
        return switch (viewer.role()) {
            case CENTER_ADMIN, CENTER_STAFF -> {
                Map<String, Object> model = pages.model(viewer, "ダッシュボード", "dashboard");
                model.put("cards", dashboard.cards());
                model.put("declarations", declarations.open(viewer));
                // who was refused is for those who may read the audit log
                model.put("refusalAlerts", viewer.role() == Role.CENTER_ADMIN ? refusalAlerts.recent() : List.of());
                yield HttpResponse.ok(new ModelAndView<>("dashboard/dashboard", model));
            }
            case MUNICIPAL_OFFICER -> seeOther(OFFICER_HOME);
            case AUDITOR -> seeOther("/audit");
        };
    }

    private static HttpResponse<?> seeOther(String location) {
        return HttpResponse.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, location);
    }
}
