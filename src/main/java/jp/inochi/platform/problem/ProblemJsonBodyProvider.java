package jp.inochi.platform.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InochiException;
import jp.inochi.platform.problem.ProblemType;

/**
 * Every JSON error the service returns is an RFC 9457 problem document with a Japanese title and
 * detail and a stable {@code type}: ours ({@link InochiException}) and Micronaut's own (404, 401, bad JSON...).
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
final class ProblemJsonBodyProvider implements JsonErrorResponseBodyProvider<Map<String, Object>> {

    static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public String contentType() {
        return PROBLEM_JSON;
    }

    @Override
    public Map<String, Object> body(ErrorContext context, HttpResponse<?> response) {
        Throwable cause = context.getRootCause().orElse(null);
        if (cause instanceof InochiException problem) {
            return document(problem.type(), response.code(), problem.detail(), context, problem.extensions());
        }
        List<FieldError> fieldErrors = context.getErrors().stream()
                .filter(error -> error.getPath().isPresent())
                .map(error -> new FieldError(error.getPath().get(), error.getMessage()))
                .toList();
        if (!fieldErrors.isEmpty()) {
            return document(ProblemType.VALIDATION_FAILED, response.code(),
                    fieldErrors.size() + "件の項目に誤りがあります", context, Map.of("errors", fieldErrors));
        }
        ProblemType type = ProblemType.forStatus(response.code());
        return document(type, response.code(), defaultDetail(type), context, Map.of());
    }

    private static Map<String, Object> document(ProblemType type, int status, String detail, ErrorContext context,
                                                Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri());
        body.put("title", type.title());
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", context.getRequest().getPath());
        extensions.forEach((name, value) -> body.put(name, serializable(value)));
        return body;
    }

    /** Field errors become plain {field, message} objects; everything else is already JSON-shaped. */
    private static Object serializable(Object value) {
        if (value instanceof List<?> list) {
            return list.stream()
                    .map(item -> item instanceof FieldError error
                            ? Map.of("field", error.field(), "message", error.message())
                            : item)
                    .toList();
        }
        return value;
    }

    private static String defaultDetail(ProblemType type) {
        return switch (type) {
            case NOT_FOUND -> "指定されたURLまたはデータは存在しないか、閲覧する権限がありません";
            case UNAUTHENTICATED -> "ログインしてから、もう一度お試しください";
            case FORBIDDEN -> "この操作はあなたの役割では行えません";
            case METHOD_NOT_ALLOWED -> "このURLではこのHTTPメソッドを使えません";
            case MALFORMED_REQUEST -> "送信された内容を読み取れませんでした。形式を確認してください";
            case PAYLOAD_TOO_LARGE -> "上限を超える大きさのため受け付けられません";
            case UNSUPPORTED_MEDIA_TYPE -> "Content-Type を確認してください";
            default -> "担当者にお問い合わせください";
        };
    }

}
