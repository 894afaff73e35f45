package jp.inochi.inspections;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface InspectionPhotoRepository extends CrudRepository<InspectionPhoto, Long> {

    List<InspectionPhoto> findByInspectionIdOrderById(long inspectionId);

    long countByInspectionId(long inspectionId);
}
