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
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.followups.FollowUp;
import jp.inochi.followups.FollowUps;
import jp.inochi.loans.DueObligation;
import jp.inochi.loans.LoanWorkList;
import jp.inochi.loans.model.Obligation;
import jp.inochi.households.HouseholdSummaries;
import jp.inochi.households.HouseholdSummaries.Summary;
import jp.inochi.platform.search.SearchQuery;
import jp.inochi.platform.time.JapanTime;
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
    private final FollowUps followUps;
    private final Pages pages;
    private final Clock clock;

    WorkListPage(LoanWorkList workList, Loans loans, HouseholdSummaries households, FollowUps followUps, Pages pages,
                 Clock clock) {
        this.workList = workList;
        this.loans = loans;
        this.households = households;
        this.followUps = followUps;
        this.pages = pages;
        this.clock = clock;
    }

    /** An open follow-up task (要対応), shown above the deadlines until staff mark it done. */
    record FollowUpRow(FollowUp followUp, Summary household, long daysUntilDue) {
        public boolean overdue() {
            return daysUntilDue < 0;
        }
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
        model.put("followUps", followUpRows(viewer));
        return model;
    }

    private List<FollowUpRow> followUpRows(Viewer viewer) {
        List<FollowUp> open = followUps.open();
        Map<Long, Summary> names = households.forCenterList(viewer, open.stream().map(FollowUp::householdId).toList(),
                RESOURCE);
        return open.stream().map(f -> new FollowUpRow(f, names.getOrDefault(f.householdId(),
                HouseholdSummaries.unknown(f.householdId())), ChronoUnit.DAYS.between(JapanTime.today(clock), f.dueOn())))
                .toList();
    }
}
