package jp.inochi.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * A Content-Security-Policy for the UI's pages: scripts, styles and data only from the service itself, images also
 * from the configured base-map server. The pages show 要配慮個人情報; no inline script runs, so an injected one can't
 * either. Pages are not cached (they change with every decision and hold personal data).
 */
@ServerFilter("/**")
final class PageSecurityHeaders implements Ordered {
    private final String policy;

    PageSecurityHeaders(UiSettings settings) {
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: "
                + settings.baseMapOrigin() + "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors 'none'";
    }

    /** Outside the views filter, so the page is rendered (and typed text/html) when this runs. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SESSION.order();
    }

    @ResponseFilter
    void secure(HttpRequest<?> request, MutableHttpResponse<?> response) {
        boolean html = response.getContentType().filter(type -> type.matches(MediaType.TEXT_HTML_TYPE)).isPresent();
        if (html) {
            response.getHeaders().set("Content-Security-Policy", policy);
            if (!response.getHeaders().contains(HttpHeaders.CACHE_CONTROL)) {
                response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
        }
    }
}
