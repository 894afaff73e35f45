package jp.inochi.disasters;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CareCoordinatorRepository extends CrudRepository<CareCoordinator, Long> {

    @Query("SELECT * FROM care_coordinator ORDER BY municipality_code, primary_contact DESC, id")
    List<CareCoordinator> findAllOrdered();

    @Query("SELECT * FROM care_coordinator WHERE municipality_code = :municipality ORDER BY primary_contact DESC, id")
    List<CareCoordinator> findOfMunicipality(String municipality);

    @Query("UPDATE care_coordinator SET primary_contact = false, updated_at = now() "
            + "WHERE municipality_code = :municipality AND primary_contact AND id <> :keep")
    void clearPrimary(String municipality, long keep);
}
