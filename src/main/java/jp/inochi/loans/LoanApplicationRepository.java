package jp.inochi.loans;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;
import jp.inochi.loans.model.LoanApplicationState;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface LoanApplicationRepository extends CrudRepository<LoanApplication, Long> {

    List<LoanApplication> findAllOrderByIdDesc();

    List<LoanApplication> findByStateOrderById(LoanApplicationState state);

    List<LoanApplication> findByHouseholdIdOrderByIdDesc(long householdId);

    Optional<LoanApplication> findFirstByProgramApplicationIdAndStateNotInListOrderByIdDesc(
            long programApplicationId, List<LoanApplicationState> states);
}
