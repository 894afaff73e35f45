package jp.inochi.loans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PlanStatusArchiveRepository extends CrudRepository<PlanStatusArchive, Long> {

    List<PlanStatusArchive> findByLoanIdOrderById(long loanId);

    /** The municipality the loan's current plan status belongs to (migration V123). */
    @Query("SELECT plan_municipality_code FROM loan WHERE id = :loanId")
    Optional<String> findPlanMunicipality(long loanId);

    @Query("UPDATE loan SET plan_municipality_code = :municipalityCode WHERE id = :loanId")
    void updatePlanMunicipality(long loanId, @Nullable String municipalityCode);
}
