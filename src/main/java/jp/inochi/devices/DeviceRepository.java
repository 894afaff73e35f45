package jp.inochi.devices;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DeviceRepository extends CrudRepository<Device, Long> {

    boolean existsBySerialNumber(String serialNumber);

    List<Device> findByStateOrderBySerialNumber(DeviceState state);

    List<Device> findAllOrderBySerialNumber();
}
