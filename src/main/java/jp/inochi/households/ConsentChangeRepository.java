package jp.inochi.households;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ConsentChangeRepository extends CrudRepository<ConsentChange, Long> {

    List<ConsentChange> findByHouseholdIdOrderByRecordedAtDesc(long householdId);
}
