package jp.inochi.applications;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface EligibilityOverrideRepository extends CrudRepository<EligibilityOverrideRecord, Long> {

    List<EligibilityOverrideRecord> findByProgramApplicationIdOrderById(long programApplicationId);
}
