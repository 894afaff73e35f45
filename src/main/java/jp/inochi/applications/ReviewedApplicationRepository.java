package jp.inochi.applications;

import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/** The lists every kind of application offers: all, by state, by family. */
public interface ReviewedApplicationRepository<T, S> extends CrudRepository<T, Long> {

    List<T> findAllOrderByIdDesc();

    List<T> findByStateOrderById(S state);

    List<T> findByHouseholdIdOrderByIdDesc(long householdId);
}
