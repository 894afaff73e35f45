package jp.inochi.access;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The attributes of the service's cookies: always HttpOnly and SameSite, Path=/, and Secure when
 * {@code INOCHI_SECURE_COOKIES=true} (set it behind HTTPS) or when the request itself came over TLS.
 */
@Singleton
final class CookieSettings {
    private final AccessTokenCookieConfiguration sessionCookie;
    private final boolean secure;
    private final Duration sessionLifetime;

    CookieSettings(AccessTokenCookieConfiguration sessionCookie,
                   @Value("${inochi.security.secure-cookies:false}") boolean secure,
                   @Value("${micronaut.security.token.generator.access-token.expiration:28800}") long sessionSeconds) {
        this.sessionCookie = sessionCookie;
        this.secure = secure;
        this.sessionLifetime = Duration.ofSeconds(sessionSeconds);
    }

    String sessionCookieName() {
        return sessionCookie.getCookieName();
    }

    Duration sessionLifetime() {
        return sessionLifetime;
    }

    /** The sign-in cookie holding the session's token: SameSite=Lax, so links from emails arrive signed in. */
    Cookie session(HttpRequest<?> request, String token) {
        return harden(request, Cookie.of(sessionCookieName(), token), SameSite.Lax).maxAge(sessionLifetime);
    }

    Cookie clearedSession(HttpRequest<?> request) {
        return harden(request, Cookie.of(sessionCookieName(), ""), SameSite.Lax).maxAge(0);
    }

    /** The pre-session cookie of the login form's CSRF token; it lives as long as the browser session. */
    Cookie preSession(HttpRequest<?> request, String value) {
        return harden(request, Cookie.of(CsrfTokens.PRE_SESSION_COOKIE, value), SameSite.Strict);
    }

    private Cookie harden(HttpRequest<?> request, Cookie cookie, SameSite sameSite) {
        return cookie.httpOnly(true).path("/").sameSite(sameSite).secure(secure || request.isSecure());
    }
}
