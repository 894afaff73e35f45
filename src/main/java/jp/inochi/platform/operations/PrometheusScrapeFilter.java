package jp.inochi.platform.operations;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code /prometheus} answers only a scraper that sends {@code Authorization: Bearer <inochi.metrics.scrape-token>}
 * ({@code INOCHI_METRICS_SCRAPE_TOKEN}); without that setting it answers nobody. The counters tell how busy the
 * service is and when people work, which is not for everyone.
 */
@ServerFilter("/prometheus/**")
final class PrometheusScrapeFilter {
    private final byte[] expected;

    PrometheusScrapeFilter(@Nullable @Value("${inochi.metrics.scrape-token:}") String scrapeToken) {
        this.expected = scrapeToken == null || scrapeToken.isBlank() ? null
                : ("Bearer " + scrapeToken).getBytes(StandardCharsets.UTF_8);
    }

    @RequestFilter
    @Nullable HttpResponse<?> check(HttpRequest<?> request) {
        byte[] given = request.getHeaders().get(HttpHeaders.AUTHORIZATION, String.class)
                .map(value -> value.getBytes(StandardCharsets.UTF_8)).orElse(null);
        if (expected != null && given != null && MessageDigest.isEqual(expected, given)) {
            return null;
        }
        return HttpResponse.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"prometheus\"");
    }
}
