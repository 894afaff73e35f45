package jp.inochi.access;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface UserSessionRepository extends CrudRepository<UserSession, UUID> {

    @Query("UPDATE user_session SET ended_at = :now WHERE id = :id AND ended_at IS NULL")
    void end(UUID id, Instant now);

    /** Marks the session used at {@code now} unless it was marked since {@code markedBefore}. */
    @Query("UPDATE user_session SET last_seen_at = :now WHERE id = :id AND last_seen_at < :markedBefore")
    void touch(UUID id, Instant now, Instant markedBefore);

    @Query("UPDATE user_session SET ended_at = :now WHERE user_id = :userId AND ended_at IS NULL")
    void endAllOf(long userId, Instant now);

    /** Sessions that ended or expired long ago carry no meaning any more (the audit log keeps the sign-ins). */
    @Query("DELETE FROM user_session WHERE coalesce(ended_at, expires_at) < :before")
    void deleteFinishedBefore(Instant before);
}
