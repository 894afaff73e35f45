package jp.inochi.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AppUserRepository extends CrudRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    List<AppUser> findAllOrderByUsername();

    boolean existsByRoleAndEnabled(Role role, boolean enabled);

    /**
     * Counts a wrong password in one atomic statement, so parallel guesses can't slip past the count
     * (a read-modify-write with optimistic locking lost most of them). The failure that reaches
     * {@code maxFailures} locks the account until {@code lockUntil} and starts the count again.
     */
    @Query("""
            UPDATE app_user
               SET failed_logins = CASE WHEN failed_logins + 1 >= :maxFailures THEN 0 ELSE failed_logins + 1 END,
                   locked_until  = CASE WHEN failed_logins + 1 >= :maxFailures THEN :lockUntil ELSE locked_until END
             WHERE id = :id""")
    void recordFailedLogin(long id, int maxFailures, Instant lockUntil);

    @Query("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = :id")
    void recordSuccessfulLogin(long id);

    /** Locks the enabled admins' rows, so two admins can't disable each other at the same moment. */
    @Query("SELECT id FROM app_user WHERE role = 'CENTER_ADMIN' AND enabled FOR UPDATE")
    List<Long> lockEnabledAdmins();

    default Optional<AppUser> findEnabled(@Nullable Long id) {
        return id == null ? Optional.empty() : findById(id).filter(AppUser::enabled);
    }
}
