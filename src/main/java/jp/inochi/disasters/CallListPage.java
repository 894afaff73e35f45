package jp.inochi.disasters;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.web.Pages;

/** The event's call list: every household in calling order, the same scoped, audited read as the API's CSV and JSON. */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
@ExecuteOn(TaskExecutors.BLOCKING)
final class CallListPage {
    private static final String LIST = EventScreens.LIST;

    private final EventLists lists;
    private final Pages pages;

    CallListPage(EventLists lists, Pages pages) {
        this.lists = lists;
        this.pages = pages;
    }

    @Get(LIST + "/{id}/call-list")
    ModelAndView<Map<String, Object>> callList(Viewer viewer, @PathVariable long id) {
        EventViews.CallList list = lists.callList(viewer, id, null, false, "call-list", "GET " + LIST + "/{id}/call-list");
        Map<String, Object> model = pages.model(viewer, "連絡リスト：" + list.event().name(), "disasters");
        model.put("list", list);
        model.put("event", list.event());
        model.put("unreached", false);
        model.put("csv", "/api/disaster-events/" + id + "/call-list?format=csv");
        model.put("xlsx", "/api/disaster-events/" + id + "/call-list?format=xlsx");
        model.put("json", "/api/disaster-events/" + id + "/call-list?format=json");
        return new ModelAndView<>("disasters/households", model);
    }
}
