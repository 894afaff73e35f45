package jp.inochi.loans;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdRepository;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.LifecycleLog;
import jp.inochi.lifecycle.LifecycleLog.Step;
import jp.inochi.lifecycle.SubjectType;
import jp.inochi.loans.model.PlanStatus;
import jp.inochi.loans.model.PlanStatusPerMunicipality;
import jp.inochi.platform.time.JapanTime;

/**
 * The plan status belongs to the municipality the family lives in (seed 000, line 540): set at the handover, and on a
 * move to another municipality the old status is archived and the new municipality's starts, with the loan's deadline.
 */
@Singleton
class MunicipalPlanStatus {
    private final LoanRepository loans;
    private final PlanStatusArchiveRepository archive;
    private final HouseholdRepository households;
    private final LifecycleLog log;
    private final Clock clock;

    MunicipalPlanStatus(LoanRepository loans, PlanStatusArchiveRepository archive, HouseholdRepository households,
                        LifecycleLog log, Clock clock) {
        this.loans = loans;
        this.archive = archive;
        this.households = households;
        this.log = log;
        this.clock = clock;
    }

    /** At the handover, inside its transaction: the status is the home municipality's. */
    void start(Loan loan) {
        archive.updatePlanMunicipality(loan.id(),
                households.findById(loan.householdId()).map(Household::municipalityCode).orElse(null));
    }

    /** After a move: a new municipality starts its own status; the loan is returned as it now is. */
    @Transactional
    Optional<Loan> followMove(long householdId) {
        Optional<Loan> running = loans.findCurrentOfHousehold(householdId);
        Household household = households.findById(householdId).orElse(null);
        if (running.isEmpty() || household == null) {
            return Optional.empty();
        }
        Loan loan = running.get();
        String before = archive.findPlanMunicipality(loan.id()).orElse(null);
        if (!PlanStatusPerMunicipality.startsAnew(before, household.municipalityCode())) {
            return Optional.empty();
        }
        LocalDate today = JapanTime.today(clock);
        PlanStatus old = loan.planStatus();
        archive.save(new PlanStatusArchive(null, loan.id(), householdId, before, old, loan.planAppliedOn(),
                loan.planAcceptedOn(), loan.planCompletedOn(), today, clock.instant()));
        Loan restarted = loans.update(loan.withPlan(null, null, null, clock.instant()));
        archive.updatePlanMunicipality(loan.id(), household.municipalityCode());
        log.record(Actor.SYSTEM, new Step(SubjectType.LOAN, loan.id(), householdId, loan.id(), "restart-plan-status",
                old.name(), PlanStatus.NOT_APPLIED.name(), "転居により転居先の市町村で個別避難計画を始めます",
                "municipality " + before + "→" + household.municipalityCode() + " archived " + old.name(), today));
        return Optional.of(restarted);
    }
}
