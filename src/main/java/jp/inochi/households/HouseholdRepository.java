package jp.inochi.households;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
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

    /** The households a viewer may see, optionally of one municipality, a page at a time, with each basis. */
    @Query("""
            SELECT h.id, household_access_basis(h, :role, :municipality, :ward, :at) AS basis
            FROM household h
            WHERE household_access_basis(h, :role, :municipality, :ward, :at) IS NOT NULL
              AND (CAST(:filterMunicipality AS text) IS NULL OR h.municipality_code = :filterMunicipality)
            ORDER BY h.id
            LIMIT :limit OFFSET :offset""")
    List<VisibleHouseholdRow> findVisible(String role, @Nullable String municipality, @Nullable String ward, Instant at,
                                          @Nullable String filterMunicipality, int limit, long offset);

    default List<VisibleHouseholdRow> findVisible(AccessScope scope, @Nullable String filterMunicipality, int limit,
                                                  long offset) {
        return findVisible(scope.roleName(), scope.municipalityCode(), scope.wardCode(), scope.at(), filterMunicipality,
                limit, offset);
    }

    List<Household> findByIdInOrderById(Collection<Long> ids);

    @Query("SELECT household_id, loan_id, plan_status, plan_deadline FROM household_evacuation_plan_status "
            + "WHERE household_id IN (:householdIds)")
    List<PlanStatusRow> findPlanStatuses(Collection<Long> householdIds);

    /** The loan of the household that has not ended, if any, so household changes appear on its timeline. */
    @Query("SELECT id FROM loan WHERE household_id = :householdId AND state <> 'ENDED'")
    Optional<Long> findCurrentLoanId(long householdId);

    /** The households of this child, by name, kana and birth date: how a bulk import recognises a family without its number. */
    List<Household> findByChildFamilyNameAndChildGivenNameAndChildFamilyNameKanaAndChildGivenNameKanaAndChildBirthDate(
            String childFamilyName, String childGivenName, String childFamilyNameKana, String childGivenNameKana,
            java.time.LocalDate childBirthDate);
}
