package jp.inochi.testruns;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TestRunRepository extends CrudRepository<TestRun, Long> {

    @Query("SELECT * FROM test_run WHERE id = :id FOR UPDATE")
    Optional<TestRun> findForUpdate(long id);

    /** The loan's months, the latest first. */
    @Query("SELECT * FROM test_run WHERE loan_id = :loanId ORDER BY asked_month DESC LIMIT :limit")
    List<TestRun> findRecentOfLoan(long loanId, int limit);

    /** The device's latest answered test run, whichever loan it was on. */
    @Query("SELECT * FROM test_run WHERE device_id = :deviceId AND answer IS NOT NULL "
            + "ORDER BY answered_at DESC, id DESC LIMIT 1")
    Optional<TestRun> findLastAnsweredOfDevice(long deviceId);

    @Query("SELECT t.* FROM test_run t JOIN follow_up f ON f.test_run_id = t.id WHERE f.id = :followUpId")
    Optional<TestRun> findOfFollowUp(long followUpId);
}
