package jp.inochi.audit;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.audit.model.SubjectNames;
import jp.inochi.web.Form;
import jp.inochi.web.Pages;

/**
 * The audit log on screen for auditors and center admins: the API's search (who, action, household, subject, basis,
 * period), 50 entries a page with the total, in Japanese; the .xlsx and CSV exports of the same search. Each page
 * shown is itself an audited read of the audit log (and, for an admin who sees the children's names, of those
 * households).
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.AUDITOR})
@ExecuteOn(TaskExecutors.BLOCKING)
final class AuditPage {
    static final int PAGE_SIZE = 50;
    private static final int LAST_PAGE = 10_000;

    private final Pages pages;
    private final AuditSearch search;
    private final AuditNames names;
    private final AuditLog auditLog;

    AuditPage(Pages pages, AuditSearch search, AuditNames names, AuditLog auditLog) {
        this.pages = pages;
        this.search = search;
        this.names = names;
        this.auditLog = auditLog;
    }

    record SubjectOption(String value, String label) {
    }

    @Get("/audit{?username,action,householdId,subjectType,subjectId,basis,from,to,page}")
    @View("audit/log")
    Map<String, Object> page(Viewer viewer, @Nullable @QueryValue String username, @Nullable @QueryValue String action,
                             @Nullable @QueryValue String householdId, @Nullable @QueryValue String subjectType,
                             @Nullable @QueryValue String subjectId, @Nullable @QueryValue String basis,
                             @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                             @Nullable @QueryValue String page) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("from", from);
        typed.put("to", to);
        typed.put("username", username);
        typed.put("householdId", householdId);
        typed.put("subjectType", subjectType);
        typed.put("subjectId", subjectId);
        typed.put("basis", basis);
        typed.put("action", action);
        Form form = Form.blank("audit", typed.entrySet().stream()
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), clip(e.getValue()))).toArray(String[]::new));
        Map<String, Object> model = pages.model(viewer, "監査ログ", "audit");
        model.put("form", form);
        model.put("subjectTypes", SubjectNames.LABELS.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(e -> new SubjectOption(e.getKey(), e.getValue())).toList());
        model.put("rows", List.of());
        Long household = form.longValue("householdId");
        AuditFilterInput.Read read = new AuditFilterInput(null, form.text("username"), household, form.text("action"),
                form.text("basis"), form.text("from"), form.text("to"), form.text("subjectType"), form.text("subjectId"))
                .read();
        form.rejectAll(read.errors());
        if (form.hasErrors()) {
            return model;
        }
        int shown = pageNumber(page);
        AuditSearch.Page found = search.search(read.filter(), shown, PAGE_SIZE);
        auditLog.auditLogViewed(viewer, AuditAction.READ, "GET /audit", found.entries().size(),
                read.filter().describe() + " page=" + (shown + 1));
        Map<Long, String> users = names.users(found.entries().stream().map(AuditEntry::actorUserId)
                .filter(Objects::nonNull).toList());
        Map<Long, String> households = names.households(viewer, found.entries().stream().map(AuditEntry::householdId)
                .filter(Objects::nonNull).toList());
        model.put("rows", found.entries().stream().map(e -> AuditRow.of(e, users, households)).toList());
        model.put("paging", AuditPageLinks.of(typed, found.total(), shown, PAGE_SIZE));
        return model;
    }

    /** 1-based in the address; anything that is not a page number is the first page. */
    private static int pageNumber(@Nullable String page) {
        if (page == null || !page.matches("\\d{1,5}")) {
            return 0;
        }
        return Math.max(0, Math.min(LAST_PAGE, Integer.parseInt(page)) - 1);
    }

    @Nullable
    private static String clip(@Nullable String value) {
        return value == null ? null : value.length() > 64 ? value.substring(0, 64) : value;
    }
}
