package jp.inochi.audit;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/**
 * Insert and read only: there is no update or delete here, and the table refuses UPDATE, DELETE and
 * TRUNCATE (migration V3). {@code AuditLogCannotBeEditedTest} keeps it that way.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AuditEntryRepository extends GenericRepository<AuditEntry, Long> {

    AuditEntry save(AuditEntry entry);

    List<AuditEntry> saveAll(Iterable<AuditEntry> entries);

    List<AuditEntry> findByHouseholdIdOrderByIdAsc(Long householdId);
}
