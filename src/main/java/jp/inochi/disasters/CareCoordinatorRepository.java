package jp.inochi.disasters;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CareCoordinatorRepository extends CrudRepository<CareCoordinator, Long> {

    @Query("SELECT * FROM care_coordinator ORDER BY municipality_code, primary_contact DESC, id")
    List<CareCoordinator> findAllOrdered();

    @Query("SELECT * FROM care_coordinator WHERE municipality_code = :municipality ORDER BY primary_contact DESC, id")
    List<CareCoordinator> findOfMunicipality(String municipality);

    @Query("UPDATE care_coordinator SET primary_contact = false, updated_at = now() "
            + "WHERE municipality_code = :municipality AND primary_contact AND id <> :keep")
    void clearPrimary(String municipality, long keep);

    /** The household's own coordinator, else its municipality's primary contact (as the call list names them). */
    @Query("""
            SELECT c.* FROM care_coordinator c, household h
            WHERE h.id = :householdId AND c.active
              AND (c.id = (SELECT coordinator_id FROM household_coordinator WHERE household_id = h.id)
                   OR (c.primary_contact AND c.municipality_code = h.municipality_code
                       AND NOT EXISTS (SELECT 1 FROM household_coordinator WHERE household_id = h.id)))
            ORDER BY c.id LIMIT 1""")
    Optional<CareCoordinator> findForHousehold(long householdId);
}
