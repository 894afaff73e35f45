package jp.inochi.loans;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.inochi.loans.model.LoanState;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface LoanRepository extends CrudRepository<Loan, Long> {

    List<Loan> findAllOrderByIdDesc();

    List<Loan> findByStateOrderById(LoanState state);

    List<Loan> findByHouseholdIdOrderByIdDesc(long householdId);

    /** The family's loan that has not ended (at most one: unique index in V13). */
    @Query("SELECT * FROM loan WHERE household_id = :householdId AND state <> 'ENDED'")
    Optional<Loan> findCurrentOfHousehold(long householdId);

    /** Running loans whose 5-year term has been reached. */
    @Query("SELECT * FROM loan WHERE state = 'ACTIVE' AND max_end_date <= :today ORDER BY id")
    List<Loan> findActiveWithTermReached(LocalDate today);

    /** Running loans whose family now lives outside the prefecture or no longer uses a ventilator. */
    @Query("""
            SELECT l.* FROM loan l JOIN household h ON h.id = l.household_id
            WHERE l.state = 'ACTIVE' AND (h.prefecture_code <> '43' OR NOT h.ventilator_dependent)
            ORDER BY l.id""")
    List<Loan> findActiveWithHouseholdNoLongerEligible();

    /** 個別避難計画 status of the households the viewer may see (the single access rule of migration V4). */
    @Query("""
            SELECT p.household_id, p.loan_id, p.loan_start, p.plan_deadline, p.plan_status, p.applied_on,
                   p.accepted_on, p.completed_on, h.child_family_name, h.child_given_name, h.address,
                   h.municipality_code, h.ward_code,
                   household_access_basis(h, :role, :municipality, :ward, :at) AS basis
            FROM household_evacuation_plan_status p JOIN household h ON h.id = p.household_id
            WHERE household_access_basis(h, :role, :municipality, :ward, :at) IS NOT NULL
              AND (CAST(:householdId AS bigint) IS NULL OR p.household_id = :householdId)
            ORDER BY p.plan_deadline, p.household_id""")
    List<EvacuationPlanStatusRow> findVisiblePlanStatus(String role, @Nullable String municipality, @Nullable String ward,
                                                        Instant at, @Nullable Long householdId);

    /** 「検索」 on the loans and work lists: the loan's or household's number, or the family (V151 household_matches_search). */
    @Query("""
            SELECT l.id FROM loan l
            WHERE l.id = CAST(:number AS bigint) OR l.household_id = CAST(:number AS bigint)
               OR household_matches_search(l.household_id, :text, CAST(:phone AS text))""")
    List<Long> findIdsMatchingSearch(String text, @Nullable String phone, @Nullable Long number);

    /** Obligations of running loans (open returns have their own list) due on or before {@code until} (overdue ones included), soonest first. */
    @Query("SELECT loan_id, household_id, obligation, due_on FROM loan_obligation WHERE due_on <= :until "
            + "AND obligation <> 'DEVICE_RETURN' "
            + "ORDER BY due_on, loan_id, obligation")
    List<ObligationRow> findObligationsDueBy(LocalDate until);
}
