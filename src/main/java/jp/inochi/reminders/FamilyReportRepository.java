package jp.inochi.reminders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.LocalDate;
import java.util.List;
import jp.inochi.reminders.model.ReportKind;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface FamilyReportRepository extends CrudRepository<FamilyReport, Long> {

    @Query("""
            SELECT * FROM family_report
            WHERE (CAST(:state AS text) IS NULL OR state = :state)
              AND (CAST(:householdId AS bigint) IS NULL OR household_id = :householdId)
            ORDER BY id DESC LIMIT :limit OFFSET :offset""")
    List<FamilyReport> search(@Nullable String state, @Nullable Long householdId, int limit, long offset);

    /** A report of the same step for the same due date that is waiting or was confirmed. */
    @Query("""
            SELECT * FROM family_report WHERE loan_id = :loanId AND kind = :kind AND obligation_due_on = :dueOn
              AND state IN ('RECEIVED', 'CONFIRMED') ORDER BY id LIMIT 1""")
    java.util.Optional<FamilyReport> findOpenOrConfirmed(long loanId, String kind, LocalDate dueOn);

    List<FamilyReport> findByLoanIdAndKindAndStateOrderById(long loanId, ReportKind kind,
                                                            jp.inochi.reminders.model.ReportState state);
}
