package jp.inochi.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.inochi.platform.problem.InochiException;
import jp.inochi.platform.problem.ProblemType;

/**
 * A page opened without signing in (or after the session ended) goes to the sign-in page, which comes back to it
 * afterwards ({@code next}); a page the role may not open says so in Japanese (403). API calls keep their
 * problem+json 401/403.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
final class SignInRedirect extends DefaultAuthorizationExceptionHandler {
    private final ErrorResponseProcessor<?> errors;

    @Inject
    SignInRedirect(ErrorResponseProcessor<?> errors, RedirectConfiguration redirects, RedirectService redirectService,
                   List<WwwAuthenticateChallengeProvider<HttpRequest<?>>> challenges,
                   @Nullable PriorToLoginPersistence priorToLogin) {
        super(errors, redirects, redirectService, challenges, priorToLogin);
        this.errors = errors;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (!isPage(request)) {
            return super.handle(request, exception);
        }
        if (!exception.isForbidden()) {
            String location = "/login";
            if (request.getMethod() == HttpMethod.GET) {
                String next = request.getUri().getRawPath() + (request.getUri().getRawQuery() == null ? ""
                        : "?" + request.getUri().getRawQuery());
                location += "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
            } else {
                location += "?expired";
            }
            return HttpResponse.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, location);
        }
        InochiException refusal = new InochiException(ProblemType.FORBIDDEN,
                UiText.of("error.role-cannot-open"));
        return errors.processResponse(ErrorContext.builder(request).cause(refusal).errorMessage(refusal.detail()).build(),
                HttpResponse.status(HttpStatus.FORBIDDEN));
    }

    /** A browser asking for a page of the UI (not the API, tiles or files). */
    static boolean isPage(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.startsWith("/api/") || path.startsWith("/tiles/") || path.startsWith("/openapi/")) {
            return false;
        }
        return request.getHeaders().accept().stream().anyMatch(type -> type.matches(MediaType.TEXT_HTML_TYPE));
    }
}
