package jp.inochi.inspections;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface InspectionRepository extends CrudRepository<Inspection, Long> {

    List<Inspection> findByLoanIdOrderByInspectedOn(long loanId);

    List<Inspection> findAllOrderByIdDesc();

    Optional<Inspection> findFirstByLoanIdOrderByInspectedOnDesc(long loanId);
}
