package jp.inochi.devices;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface DeviceRepairRepository extends CrudRepository<DeviceRepair, Long> {

    Optional<DeviceRepair> findFirstByDeviceIdAndFinishedOnIsNull(long deviceId);

    List<DeviceRepair> findByDeviceIdOrderByIdDesc(long deviceId);

    List<DeviceRepair> findByLoanIdOrderById(long loanId);
}
