package jp.inochi.platform.problem;

/** One invalid field, with a Japanese message saying what is wrong with it. */
public record FieldError(String field, String message) {
}
