package jp.inochi.applications;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import java.util.Optional;
import jp.inochi.applications.model.ProgramApplicationState;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ProgramApplicationRepository
        extends ReviewedApplicationRepository<ProgramApplication, ProgramApplicationState> {

    /** 「検索」 on the applications list: the application's or household's number, or the family (V151). */
    @Query("""
            SELECT a.id FROM program_application a
            WHERE a.id = CAST(:number AS bigint) OR a.household_id = CAST(:number AS bigint)
               OR household_matches_search(a.household_id, :text, CAST(:phone AS text))""")
    java.util.List<Long> findIdsMatchingSearch(String text, @io.micronaut.core.annotation.Nullable String phone,
                                               @io.micronaut.core.annotation.Nullable Long number);

    /**
     * An application that still stands for this family: being processed, or approved and not yet used up by a loan
     * that has ended. A new one would duplicate it.
     */
    @Query("""
            SELECT p.* FROM program_application p
            WHERE p.household_id = :householdId
              AND (p.state IN ('RECEIVED', 'UNDER_REVIEW', 'INFORMATION_REQUESTED')
                   OR (p.state = 'APPROVED'
                       AND NOT EXISTS (SELECT 1 FROM loan l WHERE l.program_application_id = p.id AND l.state = 'ENDED')))
            ORDER BY p.id DESC LIMIT 1""")
    Optional<ProgramApplication> findStanding(long householdId);

    /** Whether a center admin set aside "discharged before 2025-04-01" when approving this application. */
    @Query("""
            SELECT EXISTS (SELECT 1 FROM eligibility_override o WHERE o.program_application_id = :programApplicationId
                             AND o.reason_code = 'DISCHARGED_BEFORE_PROGRAM_START')""")
    boolean dischargeDateOverridden(long programApplicationId);
}
