package jp.inochi.web;

import io.micronaut.http.HttpStatus;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.FieldErrors;
import jp.inochi.platform.problem.InochiException;
import jp.inochi.platform.problem.ProblemType;

/**
 * Runs what a form asks of a feature service and says how it went: done (with the result), or refused with the
 * errors to show on the form — per field (bean validation, {@code InvalidInputException}) or for the whole page
 * (a state that does not allow the action, someone else's newer change, a conflict) — and the HTTP status.
 */
public final class Submission<T> {
    private final T result;
    private final HttpStatus status;

    private Submission(T result, HttpStatus status) {
        this.result = result;
        this.status = status;
    }

    /** Nothing is called when the form itself could not be read. */
    public static <T> Submission<T> run(Form form, Supplier<T> action) {
        if (form.hasErrors()) {
            return new Submission<>(null, HttpStatus.BAD_REQUEST);
        }
        try {
            return new Submission<>(action.get(), HttpStatus.OK);
        } catch (ConstraintViolationException invalid) {
            form.rejectAll(FieldErrors.of(invalid));
            return new Submission<>(null, HttpStatus.BAD_REQUEST);
        } catch (InochiException refused) {
            if (refused.type() == ProblemType.VALIDATION_FAILED) {
                Object errors = refused.extensions().get("errors");
                if (errors instanceof List<?> list && !list.isEmpty()) {
                    list.stream().filter(FieldError.class::isInstance).map(FieldError.class::cast).forEach(e -> form.reject(e.field(), e.message()));
                } else {
                    form.failPage(refused.detail());
                }
            } else if (refused.type() == ProblemType.NOT_FOUND) {
                throw refused;
            } else {
                form.failPage(pageMessage(refused));
            }
            return new Submission<>(null, HttpStatus.valueOf(refused.type().status()));
        }
    }

    /**
     * The same, for a command built from the form: when some fields could not even be read, the command is still
     * checked against its constraints (nothing is called), so the page lists every error at once, not one round each.
     */
    public static <C, T> Submission<T> run(Form form, Validator validator, C command, Function<C, T> action) {
        if (form.hasErrors()) {
            for (ConstraintViolation<C> violation : validator.validate(command)) {
                String field = FieldErrors.fieldName(violation);
                if (!form.hasError(field)) {
                    form.reject(field, violation.getMessage());
                }
            }
            return new Submission<>(null, HttpStatus.BAD_REQUEST);
        }
        return run(form, () -> action.apply(command));
    }

    public boolean done() {
        return status == HttpStatus.OK;
    }

    public T result() {
        return result;
    }

    public HttpStatus status() {
        return status;
    }

    /** The refusal in words, with what to do about it. */
    static String pageMessage(InochiException refused) {
        return switch (refused.type()) {
            case CONCURRENT_MODIFICATION -> UiText.of("error.concurrent");
            case ILLEGAL_TRANSITION -> refused.detail() + "（" + refused.type().title() + "）";
            default -> refused.detail();
        };
    }
}
