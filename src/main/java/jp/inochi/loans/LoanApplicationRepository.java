package jp.inochi.loans;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import java.util.List;
import java.util.Optional;
import jp.inochi.applications.ReviewedApplicationRepository;
import jp.inochi.loans.model.LoanApplicationState;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface LoanApplicationRepository
        extends ReviewedApplicationRepository<LoanApplication, LoanApplicationState> {

    Optional<LoanApplication> findFirstByProgramApplicationIdAndStateNotInListOrderByIdDesc(
            long programApplicationId, List<LoanApplicationState> states);
}
