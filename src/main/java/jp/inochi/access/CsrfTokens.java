package jp.inochi.access;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF tokens for the web UI's forms: a stateless synchronizer token, an HMAC of the sign-in session
 * ({@code sid} in the session cookie's token) under a key derived from the service's signing secret.
 * A page can only show it if it was rendered for that session; another site can neither read nor compute it,
 * and it changes at every sign-in. Before sign-in (the login form) it is bound the same way to a random
 * pre-session cookie. {@link CsrfFilter} checks it on every state-changing request authenticated by the cookie.
 *
 * <p>How the UI includes it: every Thymeleaf view with a Map model gets {@code csrfToken}
 * ({@link CsrfTokenViewModelProcessor}); forms add
 * {@code <input type="hidden" name="_csrf" th:value="${csrfToken}">}; scripts send the header
 * {@code X-CSRF-Token} (the value is also at {@code GET /api/auth/csrf}); multipart uploads may put
 * {@code ?_csrf=} in the form's action URL.
 */
@Singleton
public final class CsrfTokens {
    /** The hidden form field that carries the token. */
    public static final String FORM_FIELD = "_csrf";
    /** The request header that carries the token (scripts). */
    public static final String HEADER = "X-CSRF-Token";
    /** The view-model attribute that holds the token for templates. */
    public static final String MODEL_ATTRIBUTE = "csrfToken";
    static final String PRE_SESSION_COOKIE = "INOCHI_PRESESSION";
    static final String NEW_PRE_SESSION = "inochi.csrf.new-pre-session";
    private static final int RANDOM_BYTES = 32;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    CsrfTokens(@Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String signingSecret) {
        // A key of its own (HMAC of a label under the signing secret): a CSRF token is never a valid signature.
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                "inochi-csrf-key-v1"), "HmacSHA256");
    }

    /**
     * The token a page rendered for this request must put into its forms. Before sign-in, this starts a
     * pre-session (the filter then sets its cookie on the response).
     */
    public String tokenFor(HttpRequest<?> request) {
        UUID session = request.getUserPrincipal(Authentication.class).map(ViewerClaims::session).orElse(null);
        if (session != null) {
            return forSession(session);
        }
        return forPreSession(preSession(request).orElseGet(() -> startPreSession(request)));
    }

    /** The token a state-changing request must carry, if it can have one. */
    Optional<String> expectedFor(HttpRequest<?> request, @Nullable Authentication authentication) {
        if (authentication != null) {
            return Optional.ofNullable(ViewerClaims.session(authentication)).map(this::forSession);
        }
        return preSession(request).map(this::forPreSession);
    }

    static boolean matches(@Nullable String expected, @Nullable String given) {
        return expected != null && given != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    String forSession(UUID session) {
        return encode(hmac(key, "session:" + session));
    }

    private String forPreSession(String preSession) {
        return encode(hmac(key, "pre-session:" + preSession));
    }

    private Optional<String> preSession(HttpRequest<?> request) {
        Optional<String> started = request.getAttribute(NEW_PRE_SESSION, String.class);
        if (started.isPresent()) {
            return started;
        }
        return request.getCookies().findCookie(PRE_SESSION_COOKIE).map(Cookie::getValue)
                .filter(value -> value.matches("[A-Za-z0-9_-]{43}"));
    }

    private String startPreSession(HttpRequest<?> request) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        String value = encode(bytes);
        request.setAttribute(NEW_PRE_SESSION, value);
        return value;
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hmac(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
