package jp.inochi.disasters;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface DisasterEventRepository extends CrudRepository<DisasterEvent, Long> {

    @Query("SELECT * FROM disaster_event ORDER BY starts_at DESC, id DESC")
    List<DisasterEvent> findAllNewestFirst();

    @Query("SELECT * FROM disaster_event WHERE :municipality = ANY (municipality_codes) ORDER BY starts_at DESC, id DESC")
    List<DisasterEvent> findCovering(String municipality);
}
