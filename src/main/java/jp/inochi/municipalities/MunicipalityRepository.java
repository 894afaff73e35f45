package jp.inochi.municipalities;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MunicipalityRepository extends GenericRepository<Municipality, String> {

    Optional<Municipality> findById(String code);

    List<Municipality> findAllOrderByCode();

    /** The 45 municipalities a household can belong to (wards are a subdivision of 熊本市, not a 45th+1). */
    List<Municipality> findByKindNotEqualOrderByCode(MunicipalityKind kind);
}
