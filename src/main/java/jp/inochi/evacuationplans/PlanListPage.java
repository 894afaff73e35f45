package jp.inochi.evacuationplans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.municipalities.MunicipalityNames;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.web.Pager;
import jp.inochi.web.Pages;

/**
 * The officers' (and center staff's) list of plans by status and review date, 50 a page: only the households the
 * viewer may see, each listed household audited as read. Each row opens the household and its plan.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
@ExecuteOn(TaskExecutors.BLOCKING)
class PlanListPage {
    static final String PATH = "/evacuation-plans/list";
    static final String OVERDUE = "overdue";

    private final PlanList plans;
    private final MunicipalityNames names;
    private final Pages pages;

    PlanListPage(PlanList plans, MunicipalityNames names, Pages pages) {
        this.plans = plans;
        this.names = names;
        this.pages = pages;
    }

    /** A row as the page shows it. */
    record Row(long householdId, String childName, String address, String municipality, String statusLabel,
               String statusBadge, @Nullable Integer version, @Nullable LocalDate savedOn, @Nullable LocalDate nextReviewOn,
               boolean reviewOverdue, List<String> reviewReasons) {
    }

    /** A status tab: its address (keeping the review filter), label and whether it is shown. */
    record Tab(String href, String label, boolean current) {
    }

    @Get(PATH)
    ModelAndView<Map<String, Object>> list(Viewer viewer, @Nullable @QueryValue String status,
                                           @Nullable @QueryValue String review, @Nullable @QueryValue Integer page) {
        PlanListStatus chosen = PlanListStatus.parse(status).orElse(null);
        boolean overdue = OVERDUE.equals(review);
        PlanList.Filter filter = new PlanList.Filter(chosen, overdue);
        String statusValue = chosen == null ? "" : chosen.name();
        Pager pager = Pager.of(PATH, page, plans.count(viewer, filter), "status", statusValue,
                "review", overdue ? OVERDUE : "");
        List<Row> rows = plans.list(viewer, filter, pager.offset(), "GET " + PATH).stream().map(this::row).toList();
        Map<String, Object> model = pages.model(viewer, "個別避難計画の一覧", "plan-list");
        model.put("rows", rows);
        model.put("pager", pager);
        model.put("overdue", overdue);
        model.put("statusLabel", chosen == null ? "" : chosen.label());
        model.put("allHref", Pager.of(PATH, 1, 0, "review", overdue ? OVERDUE : "").href(1));
        model.put("allCurrent", chosen == null);
        model.put("tabs", Arrays.stream(PlanListStatus.values()).map(tab -> new Tab(
                Pager.of(PATH, 1, 0, "status", tab.name(), "review", overdue ? OVERDUE : "").href(1), tab.label(),
                tab == chosen)).toList());
        model.put("reviewToggle", Pager.of(PATH, 1, 0, "status", statusValue, "review", overdue ? "" : OVERDUE).href(1));
        return new ModelAndView<>("evacuationplans/plan-list", model);
    }

    private Row row(PlanListRow row) {
        String badge = row.reviewNeeded() ? "badge badge-danger" : switch (row.state()) {
            case UNSAVED -> "badge badge-neutral";
            case DRAFT -> "badge badge-warn";
            case COMPLETED -> "badge badge-ok";
        };
        String label = row.reviewNeeded() ? PlanDocument.REVIEW_NEEDED + "（" + PlanListStatus.of(row.state()).label() + "）"
                : PlanListStatus.of(row.state()).label();
        return new Row(row.householdId(), row.childName(), row.address(), names.of(row.municipalityCode()), label, badge,
                row.version(), row.savedAt() == null ? null : row.savedAt().atZone(JapanTime.ZONE).toLocalDate(),
                row.nextReviewOn(), row.reviewOverdue(), row.reviewReasons());
    }
}
