package jp.inochi.reminders.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One attempt to send a message: which instance, when, when it began talking to the mail server (null if it never
 * did), and how it ended (null while it runs).
 */
@Serdeable
@MappedEntity("outbox_attempt")
public record OutboxAttempt(
        long messageId,
        int attempt,
        String instance,
        Instant startedAt,
        @Nullable Instant smtpStartedAt,
        @Nullable Instant finishedAt,
        @Nullable String outcome,
        @Nullable String error) {
}
