package jp.inochi.reminders.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OutboxRepository extends CrudRepository<OutboxMessage, Long> {
    /** {@link Backlog#SCHEDULED}: never tried and not due yet. */
    String SCHEDULED = "(state = 'PENDING' AND attempts = 0 AND next_attempt_at > :now)";
    /** {@link Backlog#SENDING_OR_RETRYING}: being sent, due now, or tried and waiting for its retry. */
    String SENDING_OR_RETRYING = "(state = 'SENDING' OR (state = 'PENDING' AND (attempts > 0 OR next_attempt_at <= :now)))";

    Optional<OutboxMessage> findByDedupeKey(String dedupeKey);

    /** The newest first, filtered by state, backlog (at {@code now}), kind and household when given. */
    @Query("""
            SELECT * FROM outbox_message
            WHERE (CAST(:state AS text) IS NULL OR state = :state)
              AND (CAST(:backlog AS text) IS NULL
                   OR (:backlog = 'SCHEDULED' AND """ + SCHEDULED + """
            ) OR (:backlog = 'SENDING_OR_RETRYING' AND """ + SENDING_OR_RETRYING + """
            ))
              AND (CAST(:kind AS text) IS NULL OR kind = :kind)
              AND (CAST(:householdId AS bigint) IS NULL OR household_id = :householdId)
            ORDER BY id DESC LIMIT :limit OFFSET :offset""")
    List<OutboxMessage> search(@Nullable String state, @Nullable String backlog, Instant now, @Nullable String kind,
                               @Nullable Long householdId, int limit, long offset);

    @Query("SELECT * FROM outbox_attempt WHERE message_id = :messageId ORDER BY attempt")
    List<OutboxAttempt> attempts(long messageId);

    @Query("SELECT count(*) FROM outbox_message WHERE " + SCHEDULED)
    long countScheduled(Instant now);

    @Query("SELECT count(*) FROM outbox_message WHERE state IN ('PENDING', 'SENDING') AND " + SENDING_OR_RETRYING)
    long countSendingOrRetrying(Instant now);

    @Query("SELECT state, count(*) AS messages FROM outbox_message GROUP BY state ORDER BY state")
    List<StateCount> countByState();

    @io.micronaut.serde.annotation.Serdeable
    @io.micronaut.core.annotation.Introspected
    record StateCount(String state, long messages) {
    }
}
