package jp.inochi.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/**
 * The "done" message after POST-redirect-GET: the POST answers 303 with a short-lived cookie naming a message key
 * (never the text, so nothing can be injected), the next page shows the message from {@code i18n/ui.properties}
 * once and the cookie is cleared.
 */
@Singleton
@ServerFilter("/**")
public final class Flash implements ViewModelProcessor<Map<String, Object>>, Ordered {
    static final String COOKIE = "INOCHI_FLASH";
    private static final String SHOWN = "inochi.flash.shown";
    private static final String KEY_PATTERN = "[a-z0-9.-]{1,64}";

    private final boolean secure;

    Flash(UiSettings settings) {
        this.secure = settings.secureCookies();
    }

    /** 303 to {@code location}, showing the message {@code flash.<key>} there. */
    public MutableHttpResponse<?> seeOther(HttpRequest<?> request, String location, String key) {
        return HttpResponse.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, location)
                .cookie(Cookie.of(COOKIE, key).httpOnly(true).path("/").maxAge(60).sameSite(SameSite.Lax)
                        .secure(secure || request.isSecure()));
    }

    /** The message for a key, for pages that show it directly. */
    public Optional<String> message(String key) {
        return UiText.has("flash." + key) ? Optional.of(UiText.of("flash." + key)) : Optional.empty();
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(key -> key.matches(KEY_PATTERN))
                .flatMap(this::message).ifPresent(text -> modelAndView.getModel().ifPresent(model -> {
                    try {
                        model.putIfAbsent("flash", text);
                        request.setAttribute(SHOWN, Boolean.TRUE);
                    } catch (UnsupportedOperationException immutable) {
                        // A Map.of model can't show it; the message waits for the next page.
                    }
                }));
    }

    /** Outside the views filter, so the page has been rendered (and the message shown) when this runs. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SESSION.order();
    }

    /** Once shown, the message is gone. */
    @ResponseFilter
    void clearShown(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getAttribute(SHOWN, Boolean.class).orElse(false)) {
            response.cookie(Cookie.of(COOKIE, "").httpOnly(true).path("/").maxAge(0).sameSite(SameSite.Lax)
                    .secure(secure || request.isSecure()));
        }
    }
}
