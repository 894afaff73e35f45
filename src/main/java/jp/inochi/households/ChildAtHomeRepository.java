package jp.inochi.households;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/**
 * 在宅 (seed 000, line 486): whether the child lives at home rather than in a hospital or facility. Kept beside the
 * household record (migration V122, true for every family so far) and read and changed only through here.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ChildAtHomeRepository extends GenericRepository<Household, Long> {

    @Query("SELECT lives_at_home FROM household WHERE id = :householdId")
    Optional<Boolean> findLivesAtHome(long householdId);

    /** Changes the fact; the household's version moves on so a form opened before sees the change. */
    @Query("UPDATE household SET lives_at_home = :livesAtHome, updated_at = now(), version = version + 1 WHERE id = :householdId")
    void updateLivesAtHome(long householdId, boolean livesAtHome);
}
