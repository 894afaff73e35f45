package jp.inochi.access;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.async.publisher.Publishers;
import org.reactivestreams.Publisher;

/**
 * Headers that keep personal data where it belongs, on every response:
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff}: a JSON or CSV body holding a {@code <script>} typed into a name
 *       is never sniffed and run as HTML;</li>
 *   <li>{@code X-Frame-Options: DENY} and CSP {@code frame-ancestors 'none'}: no other site frames the UI (clickjacking);</li>
 *   <li>{@code Referrer-Policy: same-origin}: URLs with ids don't leak to the base-map server;</li>
 *   <li>{@code Cache-Control: no-store} on API responses that set no caching of their own: personal data is not
 *       kept in browser or proxy caches.</li>
 * </ul>
 */
@Filter(Filter.MATCH_ALL_PATTERN)
final class SecurityHeadersFilter implements HttpServerFilter {

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        return Publishers.map(chain.proceed(request), response -> {
            var headers = response.getHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "same-origin");
            if (!headers.contains("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", "frame-ancestors 'none'");
            }
            if (request.getPath().startsWith("/api/") && !headers.contains(HttpHeaders.CACHE_CONTROL)) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
            return response;
        });
    }
}
