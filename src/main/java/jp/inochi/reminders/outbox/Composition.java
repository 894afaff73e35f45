package jp.inochi.reminders.outbox;

import io.micronaut.core.annotation.Nullable;

/**
 * What a {@link MessageKind} decided to send: an email, or nothing and why (a reason for staff, in Japanese, without
 * personal data), with the kind's own detail for its callbacks.
 */
public record Composition<D>(@Nullable ComposedEmail email, @Nullable String cancelReason, D detail) {

    public static <D> Composition<D> send(ComposedEmail email, D detail) {
        return new Composition<>(email, null, detail);
    }

    public static <D> Composition<D> nothingToSend(String reason, D detail) {
        return new Composition<>(null, reason, detail);
    }

    public boolean cancelled() {
        return email == null;
    }
}
