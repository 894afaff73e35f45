package jp.inochi.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AppUserRepository extends CrudRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    List<AppUser> findAllOrderByUsername();

    boolean existsByRoleAndEnabled(Role role, boolean enabled);

    /** Locks the enabled admins' rows, so two admins can't disable each other at the same moment. */
    @Query("SELECT id FROM app_user WHERE role = 'CENTER_ADMIN' AND enabled FOR UPDATE")
    List<Long> lockEnabledAdmins();

    default Optional<AppUser> findEnabled(@Nullable Long id) {
        return id == null ? Optional.empty() : findById(id).filter(AppUser::enabled);
    }
}
