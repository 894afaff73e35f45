package jp.inochi.households;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Optional;
import jp.inochi.access.AccessScope;

/**
 * Households. Reads on behalf of a person go through the {@code ...Visible...} methods, which apply
 * {@code household_access_basis} in SQL: a household outside the viewer's scope is simply not found.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface HouseholdRepository extends CrudRepository<Household, Long> {

    /** The SQL predicate every household query for a person must include (alias {@code h}). */
    String VISIBLE = "household_access_basis(h, :role, :municipality, :ward, :at) IS NOT NULL";

    @Query("SELECT household_access_basis(h, :role, :municipality, :ward, :at) FROM household h WHERE h.id = :id")
    Optional<String> findAccessBasis(long id, String role, @Nullable String municipality, @Nullable String ward, Instant at);

    default Optional<String> findAccessBasis(long id, AccessScope scope) {
        return findAccessBasis(id, scope.roleName(), scope.municipalityCode(), scope.wardCode(), scope.at());
    }
}
