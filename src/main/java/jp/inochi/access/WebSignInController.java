package jp.inochi.access;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationFailed;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.UsernamePasswordCredentials;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.render.AccessRefreshToken;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import java.util.UUID;
import jp.inochi.platform.problem.InochiException;
import jp.inochi.platform.problem.ProblemType;

/**
 * Sign-in and sign-out of the web UI with a session cookie (HttpOnly, SameSite=Lax, Secure when configured).
 * The sign-in page itself ({@code GET /login}) belongs to the UI; its form posts {@code username},
 * {@code password}, {@code _csrf} and optionally {@code next} here. Success: 303 to {@code next} (a path of this
 * service) or {@code /}; failure: 303 to {@code /login?error=credentials} or {@code /login?error=locked}.
 * Clients that accept only JSON get 204 or a problem document instead of redirects.
 */
@Tag(name = "認証")
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class WebSignInController {
    private static final int MAX_USERNAME = 64;
    private static final int MAX_PASSWORD = 256;

    private final PasswordAuthenticationProvider<Object> authentication;
    private final AccessRefreshTokenGenerator tokens;
    private final Sessions sessions;
    private final CookieSettings cookies;
    private final CsrfTokens csrf;
    private final ApplicationEventPublisher<SignInRecorded> audit;
    private final ClientAddresses addresses;

    WebSignInController(PasswordAuthenticationProvider<Object> authentication, AccessRefreshTokenGenerator tokens,
                        Sessions sessions, CookieSettings cookies, CsrfTokens csrf, ApplicationEventPublisher<SignInRecorded> audit,
                        ClientAddresses addresses) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.sessions = sessions;
        this.cookies = cookies;
        this.csrf = csrf;
        this.audit = audit;
        this.addresses = addresses;
    }

    @Serdeable
    record SignInForm(@Nullable @Size(max = MAX_USERNAME) String username,
                      @Nullable @Size(max = MAX_PASSWORD) String password,
                      @Nullable @Size(max = 512) String next) {
        @Override
        public String toString() {
            return "SignInForm[username=" + username + "]";
        }
    }

    @Serdeable
    record CsrfToken(String token, String formField, String header) {
    }

    @Operation(summary = "画面用のログイン（セッションCookieを発行する）",
            description = "フォーム（username, password, _csrf, next）を受け取り、成功時はCookieを設定して next へ303で移動します。")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post(value = "/login", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    MutableHttpResponse<?> signIn(HttpRequest<?> request, @Body @Valid SignInForm form) {
        boolean json = wantsJson(request);
        if (isBlankOrTooLong(form.username(), MAX_USERNAME) || isBlankOrTooLong(form.password(), MAX_PASSWORD)) {
            return failure(json, "credentials", new InochiException(ProblemType.UNAUTHENTICATED,
                    "ユーザー名とパスワードを入力してください"));
        }
        AuthenticationResponse response = authentication.authenticate(request,
                new UsernamePasswordCredentials(form.username(), form.password()), sessions::open);
        if (!response.isAuthenticated() || response.getAuthentication().isEmpty()) {
            boolean locked = response instanceof AuthenticationFailed failed
                    && failed.getReason() == AuthenticationFailureReason.ACCOUNT_LOCKED;
            return failure(json, locked ? "locked" : "credentials", locked
                    ? new InochiException(ProblemType.TOO_MANY_REQUESTS, TokenController.LOCKED)
                    : new InochiException(ProblemType.UNAUTHENTICATED, TokenController.WRONG_CREDENTIALS));
        }
        AccessRefreshToken token = tokens.generate(response.getAuthentication().get())
                .orElseThrow(() -> new InochiException(ProblemType.INTERNAL_ERROR, "ログインできませんでした"));
        MutableHttpResponse<?> success = json ? HttpResponse.noContent() : seeOther(safeNext(form.next()));
        return success.cookie(cookies.session(request, token.getAccessToken()));
    }

    @Operation(summary = "画面からのログアウト（セッションを終了しCookieを消す）")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post(value = "/logout", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    MutableHttpResponse<?> signOut(HttpRequest<?> request, @Nullable Authentication signedIn) {
        if (signedIn != null) {
            UUID session = ViewerClaims.session(signedIn);
            if (session != null) {
                sessions.end(session);
            }
            Viewer viewer = ViewerClaims.toViewer(signedIn, addresses.of(request));
            audit.publishEvent(new SignInRecorded(SignInRecorded.Kind.LOGOUT,
                    viewer.userId(), viewer.username(), viewer.role().name(),
                    viewer.clientAddress(), "POST /logout", session == null ? "token" : "session"));
        }
        MutableHttpResponse<?> response = wantsJson(request) ? HttpResponse.noContent() : seeOther("/login?signedOut");
        return response.cookie(cookies.clearedSession(request));
    }

    @Operation(summary = "フォームに含めるCSRFトークン",
            description = "画面のフォームは hidden 項目 _csrf に、スクリプトはヘッダー X-CSRF-Token に入れて送信します。")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/api/auth/csrf")
    CsrfToken csrfToken(HttpRequest<?> request) {
        return new CsrfToken(csrf.tokenFor(request), CsrfTokens.FORM_FIELD, CsrfTokens.HEADER);
    }

    private static MutableHttpResponse<?> failure(boolean json, String error, InochiException problem) {
        if (json) {
            throw problem;
        }
        return seeOther("/login?error=" + error);
    }

    private static MutableHttpResponse<?> seeOther(String location) {
        return HttpResponse.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, location);
    }

    /** Only a path on this service: never another host ("//evil", "https://...", "/\evil"), so no open redirect. */
    static String safeNext(@Nullable String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || next.length() > 512) {
            return "/";
        }
        return next;
    }

    private static boolean wantsJson(HttpRequest<?> request) {
        Optional<MediaType> accept = request.getHeaders().accept().stream().findFirst();
        return accept.isPresent() && accept.get().matches(MediaType.APPLICATION_JSON_TYPE)
                && request.getHeaders().accept().stream().noneMatch(type -> type.matches(MediaType.TEXT_HTML_TYPE));
    }

    private static boolean isBlankOrTooLong(@Nullable String value, int max) {
        return value == null || value.isBlank() || value.length() > max;
    }
}
