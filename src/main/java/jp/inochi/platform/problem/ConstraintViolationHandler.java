package jp.inochi.platform.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;

/** Bean-validation failures become field-level errors named as the client sent them ({@code guardians[0].email}). */
@Produces
@Singleton
@Replaces(ConstraintExceptionHandler.class)
final class ConstraintViolationHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {

    private final InochiExceptionHandler problems;

    ConstraintViolationHandler(InochiExceptionHandler problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException exception) {
        return problems.handle(request, new InvalidInputException(FieldErrors.of(exception)));
    }
}
