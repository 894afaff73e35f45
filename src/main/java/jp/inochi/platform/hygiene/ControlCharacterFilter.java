package jp.inochi.platform.hygiene;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.filter.FilterBodyParser;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.inochi.platform.problem.InochiException;
import jp.inochi.platform.problem.ProblemType;

/**
 * Refuses (400) a request whose path, query parameters, JSON body or form fields hold a control character
 * ({@link ControlCharacters}), before security, controllers or SQL see it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class ControlCharacterFilter implements Ordered {
    static final String REFUSAL = "入力に使えない制御文字（NUL など）が含まれています。取り除いてから、もう一度送信してください";
    private static final long BODY_WAIT_SECONDS = 30;

    private final FilterBodyParser bodyParser;
    private final ErrorResponseProcessor<?> errors;

    ControlCharacterFilter(FilterBodyParser bodyParser, ErrorResponseProcessor<?> errors) {
        this.bodyParser = bodyParser;
        this.errors = errors;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    /** Null lets the request through. Blocking: a body may still be arriving. */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable HttpResponse<?> check(HttpRequest<?> request) {
        boolean refused = ControlCharacters.inUrl(request.getPath())
                || request.getParameters().asMap().entrySet().stream().anyMatch(ControlCharacterFilter::inUrl)
                || (hasParsableBody(request) && ControlCharacters.inBody(body(request)));
        return refused ? refusal(request) : null;
    }

    private static boolean inUrl(Map.Entry<String, List<String>> parameter) {
        return ControlCharacters.inUrl(parameter.getKey()) || parameter.getValue().stream().anyMatch(ControlCharacters::inUrl);
    }

    private static boolean hasParsableBody(HttpRequest<?> request) {
        return request.getContentType().filter(type -> type.matches(MediaType.APPLICATION_JSON_TYPE)
                || type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).isPresent();
    }

    private Map<String, Object> body(HttpRequest<?> request) {
        try {
            return bodyParser.parseBody(request).get(BODY_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } catch (ExecutionException | TimeoutException unreadable) {
            // Not an object (a JSON array, broken JSON): the controller's own parsing answers it.
            return Map.of();
        }
    }

    private HttpResponse<?> refusal(HttpRequest<?> request) {
        InochiException refusal = new InochiException(ProblemType.MALFORMED_REQUEST, REFUSAL);
        return errors.processResponse(ErrorContext.builder(request).cause(refusal).errorMessage(REFUSAL).build(),
                HttpResponse.status(HttpStatus.BAD_REQUEST));
    }
}
