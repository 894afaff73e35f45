package jp.inochi.applications;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface SubsidyListRepository extends CrudRepository<SubsidyListRecord, LocalDate> {

    /** The list in force on a date: the latest one dated on or before it. */
    @Query("SELECT * FROM municipal_subsidy_list WHERE as_of <= :date ORDER BY as_of DESC LIMIT 1")
    Optional<SubsidyListRecord> findInForceOn(LocalDate date);

    @Query("SELECT municipality_code FROM municipal_subsidy_list_entry WHERE as_of = :asOf ORDER BY municipality_code")
    List<String> findMunicipalityCodes(LocalDate asOf);

    @Query("INSERT INTO municipal_subsidy_list_entry (as_of, municipality_code) VALUES (:asOf, :municipalityCode)")
    void addEntry(LocalDate asOf, String municipalityCode);

    List<SubsidyListRecord> findAllOrderByAsOfDesc();
}
