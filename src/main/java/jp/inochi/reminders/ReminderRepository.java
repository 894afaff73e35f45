package jp.inochi.reminders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ReminderRepository extends CrudRepository<Reminder, Long> {

    @Query("""
            SELECT * FROM reminder
            WHERE (CAST(:loanId AS bigint) IS NULL OR loan_id = :loanId)
              AND (CAST(:householdId AS bigint) IS NULL OR household_id = :householdId)
              AND (CAST(:state AS text) IS NULL OR state = :state)
              AND (CAST(:messageId AS bigint) IS NULL OR message_id = :messageId OR staff_digest_id = :messageId)
            ORDER BY send_on DESC, id DESC LIMIT :limit OFFSET :offset""")
    List<Reminder> search(@Nullable Long loanId, @Nullable Long householdId, @Nullable String state,
                          @Nullable Long messageId, int limit, long offset);

    List<Reminder> findByMessageIdOrderById(long messageId);

    @Query("SELECT * FROM reminder WHERE loan_id = :loanId ORDER BY send_on, id")
    List<Reminder> findByLoan(long loanId);
}
