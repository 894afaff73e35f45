package jp.inochi.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Arrays;
import java.util.Map;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.web.Pages;

/**
 * The auditor's page: the audit log's .xlsx or CSV export ({@code GET /api/audit-log/export}, which searches, limits
 * and audits the export itself) with the period and filters to choose.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.CENTER_ADMIN, Roles.AUDITOR})
final class AuditPage {
    private final Pages pages;

    AuditPage(Pages pages) {
        this.pages = pages;
    }

    /** The form as a link fills it in (the dashboard's refusal alert names a user); unknown values are left out. */
    record Prefill(String username, String action, String from) {
    }

    @Get("/audit{?username,action,from}")
    @View("audit/log")
    Map<String, Object> page(Viewer viewer, @Nullable @QueryValue String username, @Nullable @QueryValue String action,
                             @Nullable @QueryValue String from) {
        Map<String, Object> model = pages.model(viewer, "監査ログ", "audit");
        model.put("prefill", new Prefill(username == null ? "" : username.strip(),
                action != null && Arrays.stream(AuditAction.values()).anyMatch(a -> a.name().equals(action)) ? action : "",
                from != null && from.matches("\\d{4}-\\d{2}-\\d{2}") ? from : ""));
        return model;
    }
}
