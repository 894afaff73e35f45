package jp.inochi.loans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.loans.DueObligation;
import jp.inochi.loans.LoanWorkList;
import jp.inochi.loans.model.Obligation;
import jp.inochi.households.HouseholdSummaries;
import jp.inochi.households.HouseholdSummaries.Summary;
import jp.inochi.platform.search.SearchQuery;
import jp.inochi.web.Pager;
import jp.inochi.web.Pages;

/**
 * The "due and overdue" sheet ({@link LoanWorkList}, as {@code GET /api/loans/due}): plan applications, yearly checks
 * and loan ends by date, overdue first, with the family's name so staff know whom to call (an audited read).
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
final class WorkListPage {
    static final String RESOURCE = "/work-list";
    private static final List<Integer> WINDOWS = List.of(0, 30, 60, 90, 180, 365);

    private final LoanWorkList workList;
    private final Loans loans;
    private final HouseholdSummaries households;
    private final Pages pages;

    WorkListPage(LoanWorkList workList, Loans loans, HouseholdSummaries households, Pages pages) {
        this.workList = workList;
        this.loans = loans;
        this.households = households;
        this.pages = pages;
    }

    record Row(DueObligation due, Summary household) {
    }

    record Option(String value, String label) {
    }

    @Get(RESOURCE)
    @View("loans/work-list")
    Map<String, Object> page(Viewer viewer, @Nullable @QueryValue String obligation,
                             @QueryValue(defaultValue = "30") int withinDays, @Nullable @QueryValue String q,
                             @Nullable @QueryValue Integer page) {
        int days = Math.max(0, Math.min(withinDays, 3660));
        Obligation only = Arrays.stream(Obligation.values()).filter(o -> o.name().equals(obligation)).findFirst().orElse(null);
        Set<Obligation> which = only == null ? EnumSet.allOf(Obligation.class) : EnumSet.of(only);
        SearchQuery query = SearchQuery.of(q);
        List<DueObligation> due = query.keep(workList.dueWithin(days, which), DueObligation::loanId, loans::idsMatching);
        Pager pager = Pager.of(RESOURCE, page, due.size(), "obligation", only == null ? "" : only.name(),
                "withinDays", String.valueOf(days), "q", query.typed());
        List<DueObligation> shown = pager.slice(due);
        Map<Long, Summary> names = households.forCenterList(viewer, shown.stream().map(DueObligation::householdId).toList(),
                RESOURCE);
        Map<String, Object> model = pages.model(viewer, "期限の近い・過ぎた義務", "work");
        model.put("pager", pager);
        model.put("q", query.typed());
        model.put("searchKeeps", only == null ? Map.of("withinDays", String.valueOf(days))
                : Map.of("obligation", only.name(), "withinDays", String.valueOf(days)));
        model.put("rows", shown.stream().map(d -> new Row(d, names.getOrDefault(d.householdId(),
                HouseholdSummaries.unknown(d.householdId())))).toList());
        model.put("overdue", due.stream().filter(DueObligation::overdue).count());
        model.put("obligation", only == null ? "" : only.name());
        model.put("withinDays", days);
        model.put("obligations", Arrays.stream(Obligation.values()).map(o -> new Option(o.name(), o.label())).toList());
        model.put("windows", WINDOWS);
        return model;
    }
}
