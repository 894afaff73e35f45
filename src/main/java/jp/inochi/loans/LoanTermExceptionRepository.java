package jp.inochi.loans;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface LoanTermExceptionRepository extends CrudRepository<LoanTermException, Long> {

    Optional<LoanTermException> findByLoanApplicationId(long loanApplicationId);
}
