package jp.inochi.audit;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Insert and read only: there is no update or delete here, and the table refuses UPDATE, DELETE and
 * TRUNCATE (migration V3). {@code AuditLogCannotBeEditedTest} keeps it that way.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AuditEntryRepository extends GenericRepository<AuditEntry, Long> {

    AuditEntry save(AuditEntry entry);

    List<AuditEntry> saveAll(Iterable<AuditEntry> entries);

    List<AuditEntry> findByHouseholdIdOrderByIdAsc(Long householdId);

    /** The active disaster declaration covering the municipality at the instant (migration V70). */
    @Query("SELECT active_disaster_declaration(:municipality, :at) AS id WHERE active_disaster_declaration(:municipality, :at) IS NOT NULL")
    Optional<Long> findActiveDeclaration(String municipality, Instant at);
}
