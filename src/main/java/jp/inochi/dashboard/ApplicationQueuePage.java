package jp.inochi.dashboard;

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
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.applications.ProgramApplication;
import jp.inochi.applications.ProgramApplications;
import jp.inochi.applications.model.ProgramApplicationState;
import jp.inochi.lifecycle.Labelled;
import jp.inochi.loans.LoanApplication;
import jp.inochi.loans.LoanApplications;
import jp.inochi.loans.model.LoanApplicationState;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.dashboard.Dashboard;
import jp.inochi.households.HouseholdSummaries;
import jp.inochi.households.HouseholdSummaries.Summary;
import jp.inochi.platform.search.SearchQuery;
import jp.inochi.web.Pager;
import jp.inochi.web.Pages;

/** The queue of program applications and loan applications: what waits for the center, oldest first. */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
final class ApplicationQueuePage {
    static final String RESOURCE = "/applications";

    private final ProgramApplications programs;
    private final LoanApplications loanApplications;
    private final HouseholdSummaries households;
    private final Pages pages;
    private final Clock clock;

    ApplicationQueuePage(ProgramApplications programs, LoanApplications loanApplications, HouseholdSummaries households,
                         Pages pages, Clock clock) {
        this.programs = programs;
        this.loanApplications = loanApplications;
        this.households = households;
        this.pages = pages;
        this.clock = clock;
    }

    /** A row of the queue. */
    record Row(String href, String number, Summary household, String stateName, String stateLabel, LocalDate receivedOn,
               long daysWaiting, String next) {
    }

    record StateOption(String value, String label) {
    }

    @Get("/applications")
    @View("dashboard/queue")
    Map<String, Object> queue(Viewer viewer, @Nullable @QueryValue String kind, @Nullable @QueryValue String view,
                              @Nullable @QueryValue String state, @Nullable @QueryValue String q,
                              @Nullable @QueryValue Integer page) {
        boolean loan = "loan".equals(kind);
        boolean all = "all".equals(view) || (state != null && !state.isBlank());
        Map<String, Object> model = pages.model(viewer, "申請の一覧", "applications");
        LocalDate today = JapanTime.today(clock);
        SearchQuery query = SearchQuery.of(q);
        String kindName = loan ? "loan" : "program";
        String viewName = "all".equals(view) ? "all" : "";
        String stateName = state == null ? "" : state;
        List<Row> rows;
        Pager pager;
        if (loan) {
            LoanApplicationState filter = parse(LoanApplicationState.class, state);
            List<LoanApplication> found = query.keep(loanApplications.list(filter, null).stream()
                    .filter(a -> all || Dashboard.LOAN_APPLICATIONS_WAITING.contains(a.state()))
                    .sorted(Comparator.comparing(LoanApplication::receivedOn)).toList(),
                    LoanApplication::id, loanApplications::idsMatching);
            pager = Pager.of(RESOURCE, page, found.size(), "kind", kindName, "view", viewName, "state", stateName,
                    "q", query.typed());
            List<LoanApplication> shown = pager.slice(found);
            Map<Long, Summary> names = households.forCenterList(viewer,
                    shown.stream().map(LoanApplication::householdId).toList(), RESOURCE);
            rows = shown.stream().map(a -> new Row("/loan-applications/" + a.id(), "貸与申請 第" + a.id() + "号",
                    named(names, a.householdId()), a.state().name(), a.state().label(), a.receivedOn(),
                    ChronoUnit.DAYS.between(a.receivedOn(), today), labels(loanApplications.nextSteps(a)))).toList();
            model.put("states", options(LoanApplicationState.values()));
        } else {
            ProgramApplicationState filter = parse(ProgramApplicationState.class, state);
            List<ProgramApplication> found = query.keep(programs.list(filter, null).stream()
                    .filter(a -> all || a.state().isOpen())
                    .sorted(Comparator.comparing(ProgramApplication::receivedOn)).toList(),
                    ProgramApplication::id, programs::idsMatching);
            pager = Pager.of(RESOURCE, page, found.size(), "kind", kindName, "view", viewName, "state", stateName,
                    "q", query.typed());
            List<ProgramApplication> shown = pager.slice(found);
            Map<Long, Summary> names = households.forCenterList(viewer,
                    shown.stream().map(ProgramApplication::householdId).toList(), RESOURCE);
            rows = shown.stream().map(a -> new Row("/program-applications/" + a.id(), "事業利用申請 第" + a.id() + "号",
                    named(names, a.householdId()), a.state().name(), a.state().label(), a.receivedOn(),
                    ChronoUnit.DAYS.between(a.receivedOn(), today), labels(programs.nextSteps(a)))).toList();
            model.put("states", options(ProgramApplicationState.values()));
        }
        model.put("kind", kindName);
        model.put("all", all);
        model.put("state", stateName);
        model.put("rows", rows);
        model.put("pager", pager);
        model.put("q", query.typed());
        model.put("searchKeeps", searchKeeps(kindName, viewName, stateName));
        return model;
    }

    /** The queue's filters, repeated by the search box so a search stays in the same tab and view. */
    private static Map<String, String> searchKeeps(String kind, String view, String state) {
        Map<String, String> keeps = new LinkedHashMap<>();
        keeps.put("kind", kind);
        if (!view.isEmpty()) {
            keeps.put("view", view);
        }
        if (!state.isEmpty()) {
            keeps.put("state", state);
        }
        return keeps;
    }

    private static Summary named(Map<Long, Summary> names, long householdId) {
        Summary summary = names.get(householdId);
        return summary == null ? HouseholdSummaries.unknown(householdId) : summary;
    }

    private static String labels(List<String> labels) {
        return labels.isEmpty() ? "—" : String.join("・", labels);
    }

    private static <E extends Enum<E> & Labelled> List<StateOption> options(E[] values) {
        return Arrays.stream(values).map(v -> new StateOption(v.name(), v.label())).toList();
    }

    @Nullable
    private static <E extends Enum<E>> E parse(Class<E> type, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
