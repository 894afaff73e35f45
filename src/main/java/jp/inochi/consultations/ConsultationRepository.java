package jp.inochi.consultations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ConsultationRepository extends CrudRepository<Consultation, Long> {

    /** The consultation's number, the consulter, the child (name or kana), the topic, or the linked household's family. */
    String MATCHES = """
            (CAST(:text AS text) IS NULL
             OR c.id = CAST(:number AS bigint)
             OR strpos(search_fold(concat_ws(' ', c.consulter_name, c.child_name, c.child_name_kana, c.topic)), :text) > 0
             OR (CAST(:phone AS text) IS NOT NULL AND strpos(search_digits(c.consulter_contact), :phone) > 0)
             OR (c.household_id IS NOT NULL AND household_matches_search(c.household_id, :text, CAST(:phone AS text))))""";

    @Query("SELECT c.* FROM consultation c WHERE " + MATCHES
            + " ORDER BY c.consulted_on DESC, c.id DESC LIMIT :limit OFFSET :offset")
    List<Consultation> findPage(@Nullable String text, @Nullable String phone, @Nullable Long number, int limit, long offset);

    @Query("SELECT count(*) FROM consultation c WHERE " + MATCHES)
    long countMatching(@Nullable String text, @Nullable String phone, @Nullable Long number);

    List<Consultation> findByHouseholdIdOrderByConsultedOnDesc(long householdId);

    @Query("SELECT EXISTS (SELECT 1 FROM program_application WHERE id = :applicationId AND household_id = :householdId)")
    boolean applicationBelongsTo(long applicationId, long householdId);

    @Query("SELECT min(id) FROM household")
    java.util.Optional<Long> findFirstHouseholdId();

    @Query("SELECT EXISTS (SELECT 1 FROM household WHERE id = :householdId)")
    boolean householdExists(long householdId);
}
