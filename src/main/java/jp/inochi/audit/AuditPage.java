package jp.inochi.audit;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
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

    @Get("/audit")
    @View("audit/log")
    Map<String, Object> page(Viewer viewer) {
        return pages.model(viewer, "監査ログ", "audit");
    }
}
