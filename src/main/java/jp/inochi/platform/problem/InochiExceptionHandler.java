package jp.inochi.platform.problem;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import jp.inochi.platform.problem.InochiException;

/** Turns the domain's explained errors into responses with their status and problem document. */
@Produces
@Singleton
@Requires(classes = {InochiException.class, ExceptionHandler.class})
final class InochiExceptionHandler implements ExceptionHandler<InochiException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> errorResponseProcessor;

    InochiExceptionHandler(ErrorResponseProcessor<?> errorResponseProcessor) {
        this.errorResponseProcessor = errorResponseProcessor;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, InochiException exception) {
        return errorResponseProcessor.processResponse(
                ErrorContext.builder(request).cause(exception).errorMessage(exception.detail()).build(),
                HttpResponse.status(HttpStatus.valueOf(exception.type().status())));
    }
}
