package jp.inochi.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.HtmlErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.Map;
import jp.inochi.platform.problem.InochiException;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Errors a browser sees (a page that does not exist or is out of the person's scope, a role that may not open it,
 * a failure) as a Japanese page in the UI's layout, instead of Micronaut's English default. JSON clients keep
 * problem+json.
 */
@Singleton
@Replaces(HtmlErrorResponseBodyProvider.class)
final class ErrorPages implements HtmlErrorResponseBodyProvider {
    private final TemplateEngine templates;

    ErrorPages(TemplateEngine templates) {
        this.templates = templates;
    }

    @Override
    public String body(ErrorContext context, HttpResponse<?> response) {
        int status = response.code();
        Throwable cause = context.getRootCause().orElse(null);
        String detail = cause instanceof InochiException problem ? problem.detail() : defaultDetail(status);
        Context model = new Context(java.util.Locale.JAPANESE, Map.of(
                "status", status, "heading", heading(status), "detail", detail));
        return templates.process("errors/error", model);
    }

    private static String heading(int status) {
        String key = "errorpage.heading." + status;
        return UiText.has(key) ? UiText.of(key) : UiText.of(status >= 500 ? "errorpage.heading.5xx" : "errorpage.heading.other");
    }

    private static String defaultDetail(int status) {
        String key = "errorpage.detail." + status;
        return UiText.has(key) ? UiText.of(key) : UiText.of(status >= 500 ? "errorpage.detail.5xx" : "errorpage.detail.other");
    }
}
