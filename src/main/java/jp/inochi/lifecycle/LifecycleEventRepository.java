package jp.inochi.lifecycle;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** Insert and read only: the table refuses UPDATE, DELETE and TRUNCATE (migration V10). */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface LifecycleEventRepository extends GenericRepository<LifecycleEvent, Long> {

    LifecycleEvent save(LifecycleEvent event);

    List<LifecycleEvent> findBySubjectTypeAndSubjectIdOrderByIdAsc(SubjectType subjectType, long subjectId);

    /** A loan's whole story: the program and loan applications that led to it, then the loan's own steps. */
    @Query("""
            SELECT e.* FROM lifecycle_event e
            WHERE e.loan_id = :loanId
               OR (e.subject_type = 'LOAN_APPLICATION' AND e.subject_id = :loanApplicationId)
               OR (e.subject_type = 'PROGRAM_APPLICATION' AND e.subject_id = :programApplicationId)
            ORDER BY e.occurred_at, e.id""")
    List<LifecycleEvent> findTimeline(long loanId, long loanApplicationId, long programApplicationId);
}
