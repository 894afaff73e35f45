package jp.inochi.loans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.households.ChildWeanedOffVentilator;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdMoved;
import jp.inochi.households.HouseholdRepository;
import jp.inochi.lifecycle.LifecycleEvent;
import jp.inochi.loans.model.LoanState;
import jp.inochi.loans.model.ReturnReason;
import jp.inochi.testsupport.HouseholdForms;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.RecordedEvents;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLoans;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/** The loan ends early when the family moves out (seed 000, line 562) or the child is weaned (line 563). */
@MicronautTest(transactional = false)
class EarlyEndTest {
    private static final LocalDate START = LocalDate.of(2026, 2, 2);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    TestLogins logins;

    @Inject
    TestLoans testLoans;

    @Inject
    Loans loans;

    @Inject
    LoanReturns returns;

    @Inject
    DueReturns dueReturns;

    @Inject
    HouseholdRepository households;

    @Inject
    RecordedEvents events;

    @Inject
    MovableClock clock;

    private long registered(Map<String, Object> form) {
        clock.setDate(START.minusDays(10));
        Map<?, ?> created = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.POST("/api/households", form)), Map.class);
        return ((Number) created.get("id")).longValue();
    }

    @Test
    void aMoveToFukuokaOpensTheReturnAndTellsOtherFeaturesTheHouseholdMoved() {
        Map<String, Object> form = HouseholdForms.hitoyoshi();
        long householdId = registered(form);
        Household household = households.findById(householdId).orElseThrow();
        Loan loan = testLoans.loanStartedOn(household, START);
        clock.setDate(START.plusMonths(9));

        http.toBlocking().exchange(logins.as(Role.CENTER_STAFF, HttpRequest.PUT("/api/households/" + householdId,
                HouseholdForms.movedToFukuoka(form, household.version()))), Map.class);

        Loan after = loans.get(loan.id());
        assertEquals(LoanState.RETURN_OPEN, after.state());
        assertEquals(ReturnReason.MOVED_OUT_OF_PREFECTURE, after.returnReason());
        assertEquals(START.plusMonths(9), after.returnOpenedOn());
        HouseholdMoved moved = events.of(HouseholdMoved.class).stream().filter(e -> e.householdId() == householdId)
                .filter(e -> e.prefectureCode().equals("40")).findFirst().orElseThrow();
        assertEquals("43", moved.previousPrefectureCode());
        assertEquals("40", moved.prefectureCode());
        assertTrue(moved.locationChanged());
        List<LifecycleEvent> timeline = loans.timeline(loan.id());
        LifecycleEvent opened = timeline.stream().filter(e -> e.action().equals("open-return")).findFirst().orElseThrow();
        assertEquals("system", opened.actorUsername());
        assertTrue(opened.reason().startsWith("熊本県外への転居"), opened.reason());
        assertTrue(timeline.stream().anyMatch(e -> e.action().equals("move") && e.detail().contains("43→40")),
                "the move itself is on the loan's timeline");
    }

    @Test
    void aNewHouseholdIsAnnouncedLikeAMoveSoItsExposureCanBeComputed() {
        long householdId = registered(HouseholdForms.hitoyoshi());
        HouseholdMoved announced = events.of(HouseholdMoved.class).stream().filter(e -> e.householdId() == householdId)
                .findFirst().orElseThrow();
        assertEquals("43", announced.previousPrefectureCode());
        assertEquals("43", announced.prefectureCode());
        assertTrue(announced.locationChanged());
    }

    @Test
    void aMoveWithinThePrefectureIsPublishedButLeavesTheLoanRunning() {
        Map<String, Object> form = HouseholdForms.hitoyoshi();
        long householdId = registered(form);
        Household household = households.findById(householdId).orElseThrow();
        Loan loan = testLoans.loanStartedOn(household, START);
        clock.setDate(START.plusMonths(1));
        Map<String, Object> toYatsushiro = new HashMap<>(form);
        toYatsushiro.put("address", "熊本県八代市テスト町5-5");
        toYatsushiro.put("municipalityCode", "43202");
        toYatsushiro.put("longitude", 130.6017);
        toYatsushiro.put("latitude", 32.5073);
        http.toBlocking().exchange(logins.as(Role.CENTER_STAFF, HttpRequest.PUT("/api/households/" + householdId,
                toYatsushiro)), Map.class);
        assertEquals(LoanState.ACTIVE, loans.get(loan.id()).state());
        assertTrue(events.of(HouseholdMoved.class).stream().anyMatch(e -> e.householdId() == householdId
                && e.prefectureCode().equals("43") && e.locationChanged()));
    }

    @Test
    void weaningOffTheVentilatorOpensTheReturn() {
        Map<String, Object> form = HouseholdForms.hitoyoshi();
        long householdId = registered(form);
        Loan loan = testLoans.loanStartedOn(households.findById(householdId).orElseThrow(), START);
        clock.setDate(START.plusMonths(14));
        Map<String, Object> weaned = new HashMap<>(form);
        weaned.put("ventilatorDependent", false);
        weaned.put("ventilatorHoursPerDay", 0);
        http.toBlocking().exchange(logins.as(Role.CENTER_STAFF, HttpRequest.PUT("/api/households/" + householdId, weaned)), Map.class);
        assertEquals(ReturnReason.WEANED_OFF_VENTILATOR, loans.get(loan.id()).returnReason());
        assertTrue(events.of(ChildWeanedOffVentilator.class).stream().anyMatch(e -> e.householdId() == householdId));
    }

    @Test
    void aMoveTheEventMissedIsCaughtByTheDailySweep() throws Exception {
        Loan loan = testLoans.loanStartedOn(START);
        Sql.update("UPDATE household SET prefecture_code = '40', municipality_code = NULL, ward_code = NULL WHERE id = ?",
                loan.householdId());
        clock.setDate(START.plusMonths(3));
        assertTrue(dueReturns.openDueReturns().opened().contains(loan.id()));
        assertEquals(ReturnReason.MOVED_OUT_OF_PREFECTURE, loans.get(loan.id()).returnReason());
    }

    @Test
    void aReturnOpenedForAMoveCannotBeCancelledWhileTheHouseholdStillLivesOutside() throws Exception {
        Loan loan = testLoans.loanStartedOn(START);
        Sql.update("UPDATE household SET prefecture_code = '40', municipality_code = NULL, ward_code = NULL WHERE id = ?",
                loan.householdId());
        clock.setDate(START.plusMonths(3));
        dueReturns.applyHouseholdFacts(loan.householdId());
        assertEquals(LoanState.RETURN_OPEN, loans.get(loan.id()).state());
        org.junit.jupiter.api.Assertions.assertThrows(jp.inochi.platform.problem.ConflictException.class,
                () -> returns.cancelReturn(testLoans.staff(), loan.id(), new LoanReturns.Justification("転居は誤りだった", null)));
    }
}
