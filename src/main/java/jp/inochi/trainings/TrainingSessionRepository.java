package jp.inochi.trainings;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TrainingSessionRepository extends CrudRepository<TrainingSession, Long> {

    @Query("SELECT * FROM training_session ORDER BY held_on DESC, id DESC LIMIT :limit OFFSET :offset")
    List<TrainingSession> findPage(int limit, long offset);

    @Query("SELECT count(*) FROM training_attendee WHERE session_id = :sessionId")
    long countInvited(long sessionId);
}
