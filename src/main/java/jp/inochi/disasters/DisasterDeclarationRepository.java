package jp.inochi.disasters;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface DisasterDeclarationRepository extends CrudRepository<DisasterDeclaration, Long> {

    @Query("SELECT * FROM disaster_declaration ORDER BY starts_at DESC, id DESC")
    List<DisasterDeclaration> findAllNewestFirst();

    @Query("SELECT * FROM disaster_declaration WHERE :municipality = ANY (municipality_codes) ORDER BY starts_at DESC, id DESC")
    List<DisasterDeclaration> findCovering(String municipality);

    /**
     * Declarations that reached their planned end without being ended by a person or recorded yet; rows another
     * instance is recording right now are skipped, not waited for.
     */
    @Query("SELECT * FROM disaster_declaration WHERE ended_at IS NULL AND ends_at <= :now ORDER BY id FOR UPDATE SKIP LOCKED")
    List<DisasterDeclaration> findRunOutUnrecorded(Instant now);
}
