package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;

/** The households not yet reached, in calling order, narrowed and paged like the call list, each with its result form. */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
@ExecuteOn(TaskExecutors.BLOCKING)
final class UnreachedListPage {
    private final CallSheetScreens screens;

    UnreachedListPage(CallSheetScreens screens) {
        this.screens = screens;
    }

    @Get(EventScreens.LIST + "/{id}/unreached")
    ModelAndView<Map<String, Object>> unreached(Viewer viewer, @PathVariable long id,
                                                @Nullable @QueryValue String municipality, @Nullable @QueryValue String status,
                                                @Nullable @QueryValue String power, @Nullable @QueryValue String ventilator,
                                                @Nullable @QueryValue String page, @Nullable @QueryValue String record) {
        return screens.page(viewer, id, true, CallSheetFilter.of(true, municipality, status, power, ventilator, page),
                CallSheetScreens.blankForm(), CallSheetScreens.chosenRow(record));
    }
}
