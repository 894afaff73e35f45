package jp.inochi.loans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdMoved;
import jp.inochi.loans.EvacuationPlanSteps.PlanStepRecord;
import jp.inochi.loans.model.PlanStatus;
import jp.inochi.loans.model.PlanStatusPerMunicipality;
import jp.inochi.loans.model.PlanStep;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLoans;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/** お住いの市町村へ (seed 000, line 540): each municipality has its own plan status for the family. */
@MicronautTest(transactional = false)
class PlanStatusPerMunicipalityTest {
    private static final String YATSUSHIRO = "43202";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    TestLogins logins;

    @Inject
    TestLoans testLoans;

    @Inject
    TestHouseholds households;

    @Inject
    EvacuationPlanSteps planSteps;

    @Inject
    PlanStatusArchiveRepository archive;

    @Inject
    LoanRepository loans;

    @Inject
    ApplicationEventPublisher<HouseholdMoved> moves;

    @Inject
    MovableClock clock;

    @Test
    void aMoveBetweenWardsOfKumamotoCityKeepsThePlanStatusAndAMoveToAnotherMunicipalityDoesNot() {
        assertFalse(PlanStatusPerMunicipality.startsAnew("43100", "43100"));
        assertTrue(PlanStatusPerMunicipality.startsAnew("43203", "43202"));
        assertFalse(PlanStatusPerMunicipality.startsAnew("43203", null));
    }

    private List<Map> plansSeenBy(String municipalityCode) {
        return http.toBlocking().retrieve(logins.asOfficerOf(municipalityCode, HttpRequest.GET("/api/evacuation-plans")),
                Argument.listOf(Map.class));
    }

    private static List<Long> householdIds(List<Map> plans) {
        return plans.stream().map(p -> ((Number) p.get("householdId")).longValue()).toList();
    }

    @Test
    void moveToAnotherMunicipalityStartsItsOwnPlanStatus() throws Exception {
        Household household = households.living(TestLoans.HITOYOSHI, true);
        LocalDate start = LocalDate.of(2026, 5, 1);
        Loan loan = testLoans.loanStartedOn(household, start);
        clock.setDate(start.plusMonths(2));
        planSteps.recordPlanStep(testLoans.staff(), loan.id(), new PlanStepRecord(PlanStep.APPLIED_TO_MUNICIPALITY,
                start.plusMonths(1), "人吉市に申請", null));
        planSteps.recordPlanStep(testLoans.staff(), loan.id(), new PlanStepRecord(PlanStep.ACCEPTED_BY_MUNICIPALITY,
                start.plusMonths(2), null, null));

        Sql.update("UPDATE household SET municipality_code = ? WHERE id = ?", YATSUSHIRO, household.id());
        moves.publishEvent(new HouseholdMoved(household.id(), "43", "43", true));

        Loan moved = loans.findById(loan.id()).orElseThrow();
        assertEquals(PlanStatus.NOT_APPLIED, moved.planStatus());
        assertEquals(loan.planDeadline(), moved.planDeadline());
        List<PlanStatusArchive> archived = archive.findByLoanIdOrderById(loan.id());
        assertEquals(1, archived.size());
        assertEquals(TestLoans.HITOYOSHI, archived.get(0).municipalityCode());
        assertEquals(PlanStatus.ACCEPTED, archived.get(0).planStatus());
        assertEquals(start.plusMonths(1), archived.get(0).appliedOn());

        List<Map> yatsushiro = plansSeenBy(YATSUSHIRO);
        Map<?, ?> theirs = yatsushiro.stream().filter(p -> ((Number) p.get("householdId")).longValue() == household.id())
                .findFirst().orElseThrow();
        assertEquals("NOT_APPLIED", theirs.get("planStatus"));
        assertFalse(householdIds(plansSeenBy(TestLoans.HITOYOSHI)).contains(household.id()));

        moves.publishEvent(new HouseholdMoved(household.id(), "43", "43", true));
        assertEquals(1, archive.findByLoanIdOrderById(loan.id()).size(), "a second event for the same move changes nothing");
    }
}
