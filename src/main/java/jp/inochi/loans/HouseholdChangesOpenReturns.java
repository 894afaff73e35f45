package jp.inochi.loans;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import jp.inochi.households.ChildWeanedOffVentilator;
import jp.inochi.households.HouseholdMoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A move out of the prefecture (seed 000, line 562) or weaning off the ventilator (line 563) opens the running loan's
 * return by itself. Should this fail, the daily sweep ({@link LoanSweepJob}) finds the loan again.
 */
@Singleton
class HouseholdChangesOpenReturns {
    private static final Logger LOG = LoggerFactory.getLogger(HouseholdChangesOpenReturns.class);

    private final DueReturns dueReturns;

    HouseholdChangesOpenReturns(DueReturns dueReturns) {
        this.dueReturns = dueReturns;
    }

    @EventListener
    void onMoved(HouseholdMoved moved) {
        if (!"43".equals(moved.prefectureCode())) {
            open(moved.householdId());
        }
    }

    @EventListener
    void onWeaned(ChildWeanedOffVentilator weaned) {
        open(weaned.householdId());
    }

    private void open(long householdId) {
        try {
            dueReturns.applyHouseholdFacts(householdId).ifPresent(loan ->
                    LOG.info("Return of loan {} opened after a change to household {}", loan.id(), householdId));
        } catch (RuntimeException e) {
            LOG.warn("Could not open the return for household {}; the daily sweep will retry: {}", householdId,
                    e.getClass().getSimpleName());
        }
    }
}
