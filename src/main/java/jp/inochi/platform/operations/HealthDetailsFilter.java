package jp.inochi.platform.operations;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.security.authentication.Authentication;
import java.util.Map;

/**
 * {@code /health} shows its details (database URL and version, disk) only to center admins; everyone else, a load
 * balancer included, sees the status alone.
 */
@ServerFilter("/health/**")
final class HealthDetailsFilter {
    static final String DETAILS_ROLE = "CENTER_ADMIN";

    @ResponseFilter
    void hideDetails(HttpRequest<?> request, MutableHttpResponse<?> response) {
        boolean admin = request.getUserPrincipal(Authentication.class)
                .map(signedIn -> signedIn.getRoles().contains(DETAILS_ROLE)).orElse(false);
        if (!admin && response.getBody().orElse(null) instanceof HealthResult health) {
            response.body(Map.of("status", health.getStatus().getName()));
        }
    }
}
