package jp.inochi.reminders.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OutboxRepository extends CrudRepository<OutboxMessage, Long> {

    Optional<OutboxMessage> findByDedupeKey(String dedupeKey);

    /** The newest first, filtered by state, kind and household when given. */
    @Query("""
            SELECT * FROM outbox_message
            WHERE (CAST(:state AS text) IS NULL OR state = :state)
              AND (CAST(:kind AS text) IS NULL OR kind = :kind)
              AND (CAST(:householdId AS bigint) IS NULL OR household_id = :householdId)
            ORDER BY id DESC LIMIT :limit OFFSET :offset""")
    List<OutboxMessage> search(@Nullable String state, @Nullable String kind, @Nullable Long householdId, int limit,
                               long offset);

    @Query("SELECT * FROM outbox_attempt WHERE message_id = :messageId ORDER BY attempt")
    List<OutboxAttempt> attempts(long messageId);

    @Query("SELECT state, count(*) AS messages FROM outbox_message GROUP BY state ORDER BY state")
    List<StateCount> countByState();

    @io.micronaut.serde.annotation.Serdeable
    @io.micronaut.core.annotation.Introspected
    record StateCount(String state, long messages) {
    }
}
