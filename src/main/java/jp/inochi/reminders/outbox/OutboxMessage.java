package jp.inochi.reminders.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;
import jp.inochi.reminders.model.Recipient;

/**
 * One email of the outbox, of some feature's {@link MessageKind}. Its content is composed at send time; once sent,
 * the address, subject and bodies are kept as sent.
 */
@MappedEntity("outbox_message")
public record OutboxMessage(
        @Id @GeneratedValue @Nullable Long id,
        String kind,
        String dedupeKey,
        Recipient recipient,
        @Nullable Long householdId,
        @Nullable Long referenceId,
        @Nullable LocalDate digestOn,
        @Nullable Long resendOf,
        MessageState state,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String claimedBy,
        @Nullable Instant leaseUntil,
        @Nullable Instant lastAttemptAt,
        @Nullable String lastError,
        @Nullable Instant sentAt,
        @Nullable String sentTo,
        @Nullable String subject,
        @Nullable String bodyText,
        @Nullable String bodyHtml,
        boolean redelivered,
        @Nullable String outcomeNote,
        @Nullable Long failureReportedIn,
        Instant createdAt,
        Instant updatedAt) {
}
