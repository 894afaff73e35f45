package jp.inochi.followups;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface FollowUpRepository extends CrudRepository<FollowUp, Long> {

    @Query("SELECT * FROM follow_up WHERE done_at IS NULL ORDER BY due_on, id")
    List<FollowUp> findOpen();

    List<FollowUp> findByLoanIdOrderByIdDesc(long loanId);

    List<FollowUp> findByDeviceIdOrderByIdDesc(long deviceId);
}
