package jp.inochi.loans;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import jp.inochi.households.HouseholdMoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A move within the prefecture to another municipality starts that municipality's plan status (seed 000, line 540). */
@Singleton
class MovesRestartPlanStatus {
    private static final Logger LOG = LoggerFactory.getLogger(MovesRestartPlanStatus.class);

    private final MunicipalPlanStatus planStatus;

    MovesRestartPlanStatus(MunicipalPlanStatus planStatus) {
        this.planStatus = planStatus;
    }

    @EventListener
    void onMoved(HouseholdMoved moved) {
        try {
            planStatus.followMove(moved.householdId()).ifPresent(loan ->
                    LOG.info("Plan status of loan {} restarted after household {} moved", loan.id(), moved.householdId()));
        } catch (RuntimeException e) {
            LOG.warn("Could not restart the plan status for household {}; the next plan step will: {}",
                    moved.householdId(), e.getClass().getSimpleName());
        }
    }
}
