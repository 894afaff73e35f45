package jp.inochi.loans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import java.util.List;
import java.util.Optional;
import jp.inochi.applications.ReviewedApplicationRepository;
import jp.inochi.loans.model.LoanApplicationState;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface LoanApplicationRepository
        extends ReviewedApplicationRepository<LoanApplication, LoanApplicationState> {

    /** 「検索」 on the applications list: the application's or household's number, or the family (V151). */
    @Query("""
            SELECT a.id FROM loan_application a
            WHERE a.id = CAST(:number AS bigint) OR a.household_id = CAST(:number AS bigint)
               OR household_matches_search(a.household_id, :text, CAST(:phone AS text))""")
    List<Long> findIdsMatchingSearch(String text, @Nullable String phone, @Nullable Long number);

    Optional<LoanApplication> findFirstByProgramApplicationIdAndStateNotInListOrderByIdDesc(
            long programApplicationId, List<LoanApplicationState> states);
}
