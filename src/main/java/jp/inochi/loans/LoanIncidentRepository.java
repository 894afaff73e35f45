package jp.inochi.loans;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface LoanIncidentRepository extends CrudRepository<LoanIncident, Long> {

    List<LoanIncident> findByLoanIdOrderByOccurredOn(long loanId);
}
