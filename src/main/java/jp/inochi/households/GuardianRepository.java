package jp.inochi.households;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface GuardianRepository extends CrudRepository<Guardian, Long> {

    List<Guardian> findByHouseholdIdOrderByPosition(long householdId);

    void deleteByHouseholdId(long householdId);

    List<Guardian> findByEmail(String email);
}
