package jp.inochi.platform.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;

/**
 * Bean-validation failures as field errors with their Japanese messages, each named as the client or the form sent
 * the field ({@code guardians[0].email}, {@code municipalityCodes[0]}): one rule for JSON problems and forms alike.
 */
public final class FieldErrors {

    private FieldErrors() {
    }

    /** Every violation as a field error, sorted by field. */
    public static List<FieldError> of(ConstraintViolationException invalid) {
        return invalid.getConstraintViolations().stream()
                .map(violation -> new FieldError(fieldName(violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
    }

    /**
     * The field a violation is about: {@code reject.command.reason} → {@code reason}. The method and an object
     * parameter are left out (its properties name the field); a plain parameter, such as a query value, keeps its name.
     */
    public static String fieldName(ConstraintViolation<?> violation) {
        boolean objectParameter = nodeCount(violation) > 2;
        StringBuilder name = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.CROSS_PARAMETER
                    || kind == ElementKind.RETURN_VALUE || kind == ElementKind.PARAMETER && objectParameter) {
                continue;
            }
            if (kind == ElementKind.CONTAINER_ELEMENT) {
                // "<list element>" is the validator's name for an item: the field is municipalityCodes[0].
                if (node.getIndex() != null) {
                    name.append('[').append(node.getIndex()).append(']');
                }
                continue;
            }
            if (node.getName() == null || node.getName().isEmpty()) {
                continue;
            }
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(node.getName());
            if (node.getIndex() != null) {
                name.append('[').append(node.getIndex()).append(']');
            }
        }
        return name.toString();
    }

    private static int nodeCount(ConstraintViolation<?> violation) {
        int nodes = 0;
        for (Path.Node ignored : violation.getPropertyPath()) {
            nodes++;
        }
        return nodes;
    }
}
