package jp.inochi.households;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/**
 * Single facts of a household changed outside its form: 在宅 (seed 000, line 486), whether the child lives at home
 * rather than in a hospital or facility (migration V122, true for every family so far, read and changed only here),
 * and what a yearly check finds (line 541).
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface HouseholdFactsRepository extends GenericRepository<Household, Long> {

    @Query("SELECT lives_at_home FROM household WHERE id = :householdId")
    Optional<Boolean> findLivesAtHome(long householdId);

    /** Changes the fact; the household's version moves on so a form opened before sees the change. */
    @Query("UPDATE household SET lives_at_home = :livesAtHome, updated_at = now(), version = version + 1 WHERE id = :householdId")
    void updateLivesAtHome(long householdId, boolean livesAtHome);

    /** The child no longer uses the ventilator (line 563). */
    @Query("UPDATE household SET ventilator_dependent = false, updated_at = now(), version = version + 1 WHERE id = :householdId")
    void updateWeanedOffVentilator(long householdId);
}
