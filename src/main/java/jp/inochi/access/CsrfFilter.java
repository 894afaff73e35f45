package jp.inochi.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.MediaType;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.filter.FilterBodyParser;
import io.micronaut.security.authentication.Authentication;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jp.inochi.platform.problem.InochiException;
import jp.inochi.platform.problem.ProblemType;

/**
 * Refuses (403) a state-changing request that a browser could have sent on behalf of a signed-in user without
 * the CSRF token of {@link CsrfTokens}:
 * <ul>
 *   <li>signed in by the session cookie (whatever {@code Authorization} header comes with it): POST, PUT, PATCH and DELETE must carry
 *       the session's token, in the header {@code X-CSRF-Token}, the form field {@code _csrf}
 *       (application/x-www-form-urlencoded), or {@code ?_csrf=} (multipart uploads);</li>
 *   <li>not signed in: form posts (the content types another site can send, e.g. the login form) must carry the
 *       pre-session token, so nobody can sign a victim in as someone else;</li>
 *   <li>requests authenticated by a bearer token of an API client, with no session cookie, are not CSRF-prone:
 *       another site can't make a browser add that header. They pass. Any other {@code Authorization} header
 *       ({@code Basic} from a proxy, a garbage bearer) beside the cookie changes nothing: the token is needed.</li>
 * </ul>
 * Runs after the security filter, so the authentication (and its session) is known.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class CsrfFilter implements Ordered {
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
    private static final long BODY_WAIT_SECONDS = 30;
    private static final String SIGN_OUT = "/logout";
    private static final List<String> CAPABILITY_LINK_PATHS = List.of("/family/links/");
    static final String REFUSAL = "フォームの確認用トークン（CSRFトークン）がないか、正しくありません。"
            + "画面を再読み込みしてから、もう一度送信してください";

    private final CsrfTokens tokens;
    private final FilterBodyParser bodyParser;
    private final CookieSettings cookies;
    private final ErrorResponseProcessor<?> errors;

    CsrfFilter(CsrfTokens tokens, FilterBodyParser bodyParser, CookieSettings cookies, ErrorResponseProcessor<?> errors) {
        this.tokens = tokens;
        this.bodyParser = bodyParser;
        this.cookies = cookies;
        this.errors = errors;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    /**
     * Null lets the request through; a response refuses it. Runs on the blocking executor because a form's
     * token is in its body, which may still be arriving.
     */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable HttpResponse<?> check(HttpRequest<?> request) {
        Authentication authentication = request.getUserPrincipal(Authentication.class).orElse(null);
        if (SAFE.contains(request.getMethod()) || isBearerOnly(request, authentication)) {
            return null;
        }
        Optional<MediaType> contentType = request.getContentType();
        if (authentication == null && (!isFormLike(contentType) || request.getPath().equals(SIGN_OUT)
                || isCapabilityLink(request.getPath()))) {
            // Not signed in and not a form: a JSON call another site could not send without CORS, which is off.
            // Signing out when no longer signed in (the session expired while the page was open) changes nothing.
            // A signed link's own token authorises its form; another site can't forge a link it never saw.
            return null;
        }
        Optional<String> expected = tokens.expectedFor(request, authentication);
        if (expected.isEmpty()) {
            return refusal(request);
        }
        return CsrfTokens.matches(expected.get(), given(request, contentType).orElse(null)) ? null : refusal(request);
    }

    /** A page that asked for a pre-session token (the login form) gets its cookie with the response. */
    @ResponseFilter
    void setPreSessionCookie(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(CsrfTokens.NEW_PRE_SESSION, String.class)
                .ifPresent(value -> response.cookie(cookies.preSession(request, value)));
    }

    private Optional<String> given(HttpRequest<?> request, Optional<MediaType> contentType) {
        Optional<String> header = request.getHeaders().get(CsrfTokens.HEADER, String.class);
        if (header.isPresent()) {
            return header;
        }
        if (contentType.filter(type -> type.matches(MediaType.MULTIPART_FORM_DATA_TYPE)).isPresent()) {
            return request.getParameters().getFirst(CsrfTokens.FORM_FIELD);
        }
        if (contentType.filter(type -> type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).isPresent()) {
            try {
                return Optional.ofNullable(bodyParser.parseBody(request).get(BODY_WAIT_SECONDS, TimeUnit.SECONDS)
                        .get(CsrfTokens.FORM_FIELD)).map(String::valueOf);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (ExecutionException | TimeoutException unreadable) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Signed in by a bearer token alone: no session cookie that a browser could have sent on its own. */
    private boolean isBearerOnly(HttpRequest<?> request, @Nullable Authentication authentication) {
        return authentication != null
                && request.getHeaders().get(HttpHeaders.AUTHORIZATION, String.class)
                        .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7)).isPresent()
                && request.getCookies().findCookie(cookies.sessionCookieName()).isEmpty();
    }

    /** Pages reached from a signed link in an email (no sign-in): the token in the path is the credential. */
    private static boolean isCapabilityLink(String path) {
        return CAPABILITY_LINK_PATHS.stream().anyMatch(path::startsWith);
    }

    /** The content types a page on another site can post without asking (CORS "simple" requests), or none. */
    private static boolean isFormLike(Optional<MediaType> contentType) {
        return contentType.isEmpty()
                || contentType.get().matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || contentType.get().matches(MediaType.MULTIPART_FORM_DATA_TYPE)
                || contentType.get().matches(MediaType.TEXT_PLAIN_TYPE);
    }

    private HttpResponse<?> refusal(HttpRequest<?> request) {
        InochiException refusal = new InochiException(ProblemType.FORBIDDEN, REFUSAL);
        return errors.processResponse(ErrorContext.builder(request).cause(refusal).errorMessage(REFUSAL).build(),
                HttpResponse.status(HttpStatus.FORBIDDEN));
    }
}
