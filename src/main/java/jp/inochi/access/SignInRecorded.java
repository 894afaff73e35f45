package jp.inochi.access;

import io.micronaut.core.annotation.Nullable;

/**
 * A sign-in, a refused sign-in or a sign-out, published for the audit log (the audit feature records it in the same
 * thread and transaction). Never a password.
 */
public record SignInRecorded(Kind kind, @Nullable Long userId, String username, @Nullable String role,
                             @Nullable String clientAddress, String resource, @Nullable String detail) {
    public enum Kind { LOGIN, LOGIN_FAILED, LOGOUT }
}
