package jp.inochi.access;

import io.micronaut.core.annotation.Nullable;

/**
 * A user account created or changed, published for the audit log (the audit feature records it in the same thread
 * and transaction). {@code by} is null when the system made the change; {@code resource} then says how.
 */
public record UserAccountChanged(@Nullable Viewer by, boolean created, String resource, long userId, String detail) {
}
