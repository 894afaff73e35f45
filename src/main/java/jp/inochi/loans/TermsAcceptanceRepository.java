package jp.inochi.loans;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TermsAcceptanceRepository extends CrudRepository<TermsAcceptance, Long> {

    List<TermsAcceptance> findByLoanIdOrderById(long loanId);

    List<TermsAcceptance> findByLoanIdAndState(long loanId, TermsAcceptanceState state);

    /** Requests still waiting for the family, across loans (the reminders feature follows them up). */
    List<TermsAcceptance> findByStateOrderBySentOn(TermsAcceptanceState state);
}
