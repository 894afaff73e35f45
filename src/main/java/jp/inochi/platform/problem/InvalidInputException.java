package jp.inochi.platform.problem;

import java.util.List;
import java.util.Map;

/** Input that breaks a rule the annotations can't express (dates in the future, unknown codes...). */
public class InvalidInputException extends InochiException {
    public InvalidInputException(List<FieldError> errors) {
        super(ProblemType.VALIDATION_FAILED, summary(errors), Map.of("errors", List.copyOf(errors)));
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    private static String summary(List<FieldError> errors) {
        return errors.size() == 1 ? errors.get(0).message() : errors.size() + "件の項目に誤りがあります";
    }
}
