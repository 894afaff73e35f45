package jp.inochi.testsupport;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A family's browser on the pages reached from email links (no sign-in): it keeps the cookies the service sets and,
 * like a real form, sends back the hidden {@code _csrf} field a page carries (the access feature's CSRF protection).
 */
public final class FamilyBrowser {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public FamilyBrowser(HttpClient http) {
        this.http = http;
    }

    public record Page(int status, String html) {
    }

    public Page open(String path) {
        return exchange(HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE));
    }

    /** Opens the page first, as a person would, then posts its form with the given fields. */
    public Page submit(String path, Map<String, String> fields) {
        Page form = open(path);
        Map<String, String> body = new HashMap<>(fields);
        Matcher csrf = CSRF.matcher(form.html());
        if (csrf.find()) {
            body.put("_csrf", csrf.group(1));
        }
        return exchange(HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .accept(MediaType.TEXT_HTML_TYPE));
    }

    private Page exchange(MutableHttpRequest<?> request) {
        cookies.forEach((name, value) -> request.cookie(Cookie.of(name, value)));
        HttpResponse<String> response;
        try {
            response = http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException refused) {
            response = (HttpResponse<String>) refused.getResponse();
            keepCookies(response);
            return new Page(response.getStatus().getCode(), response.getBody(String.class).orElse(""));
        }
        keepCookies(response);
        return new Page(response.getStatus().getCode(), response.getBody().orElse(""));
    }

    private void keepCookies(HttpResponse<?> response) {
        response.getHeaders().getAll("Set-Cookie").forEach(header -> {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals > 0) {
                cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
        });
    }
}
