package jp.inochi.audit;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.uri.UriMatchTemplate;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import java.util.Optional;
import jp.inochi.access.ClientAddresses;
import jp.inochi.access.ViewerClaims;

/**
 * Audits what a signed-in person was refused: every 403, and every 404 of a route with a record's id in its path
 * ({@code /api/households/{id}}, {@code /api/loans/{id}/...}). Records are looked up within the viewer's scope, so an
 * out-of-scope record answers 404 exactly like a missing one, and both are recorded: probing shows in the audit log.
 * Runs outside the security filter, so it sees the security rules' refusals and the CSRF filter's too.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RefusalAuditFilter implements Ordered {
    private final AuditLog auditLog;
    private final ClientAddresses addresses;

    RefusalAuditFilter(AuditLog auditLog, ClientAddresses addresses) {
        this.auditLog = auditLog;
        this.addresses = addresses;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void auditRefusal(HttpRequest<?> request, HttpResponse<?> response) {
        int status = response.code();
        if (status != HttpStatus.FORBIDDEN.getCode() && status != HttpStatus.NOT_FOUND.getCode()) {
            return;
        }
        Optional<Authentication> signedIn = request.getUserPrincipal(Authentication.class);
        Optional<UriMatchTemplate> route = RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(match -> ((UriRouteMatch<?, ?>) match).getRouteInfo().getUriMatchTemplate());
        if (signedIn.isEmpty() || route.isEmpty()) {
            return;
        }
        if (status == HttpStatus.NOT_FOUND.getCode() && !namesARecord(route.get())) {
            return;
        }
        auditLog.refused(ViewerClaims.toViewer(signedIn.get(), addresses.of(request)),
                request.getMethodName() + " " + route.get(), status + " " + request.getPath());
    }

    /** A path variable (not a query one) in the route: the request asked for one particular record. */
    private static boolean namesARecord(UriMatchTemplate route) {
        return route.getVariables().stream().anyMatch(variable -> !variable.isQuery());
    }
}
