package jp.inochi.devices;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DeviceRepository extends CrudRepository<Device, Long> {

    boolean existsBySerialNumber(String serialNumber);

    List<Device> findByStateOrderBySerialNumber(DeviceState state);

    List<Device> findAllOrderBySerialNumber();

    /**
     * 「検索」 on the inventory: the device's number, its serial number, maker or model (folded alike), or the family
     * of the loan it is out on (V151 household_matches_search); the list itself shows no family.
     */
    @Query("""
            SELECT d.id FROM device d
            WHERE d.id = CAST(:number AS bigint)
               OR strpos(search_fold(d.serial_number || ' ' || d.manufacturer || ' ' || d.model), :text) > 0
               OR EXISTS (SELECT 1 FROM loan l WHERE l.device_id = d.id AND l.state <> 'ENDED'
                          AND household_matches_search(l.household_id, :text, CAST(:phone AS text)))""")
    List<Long> findIdsMatchingSearch(String text, @Nullable String phone, @Nullable Long number);
}
