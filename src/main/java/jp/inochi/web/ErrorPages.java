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
        return switch (status) {
            case 400 -> "入力内容を確認してください";
            case 401 -> "ログインが必要です";
            case 403 -> "このページを開く権限がありません";
            case 404 -> "ページまたはデータが見つかりません";
            case 409 -> "現在の状態ではこの操作はできません";
            case 413 -> "ファイルが大きすぎます";
            default -> status >= 500 ? "システムエラーが発生しました" : "処理できませんでした";
        };
    }

    private static String defaultDetail(int status) {
        return switch (status) {
            case 404 -> "URLが正しいか、閲覧する権限があるかを確認してください。"
                    + "権限の範囲外の世帯は「見つかりません」と表示されます。";
            case 403 -> "この操作はあなたの役割では行えません。";
            case 405 -> "このURLではこの操作は使えません。";
            default -> status >= 500 ? "時間をおいて、もう一度お試しください。続く場合は担当者に連絡してください。"
                    : "もう一度お試しください。";
        };
    }
}
