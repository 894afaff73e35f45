package jp.inochi.evacuationplans;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Clock;
import jp.inochi.evacuationplans.model.ReviewReason;
import jp.inochi.households.HouseholdMoved;
import jp.inochi.inspections.YearlyCheckFailed;
import jp.inochi.loans.DeviceHandedOver;
import jp.inochi.loans.DeviceSwapped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks the current plan 見直しが必要 with the reason when something it rests on changed: a move, a device handed over
 * or swapped, a failed yearly check (the hazard side is {@link ExposureChangeTriggers}). Each waits for the commit of
 * the change ({@link AfterCommit}). A household without a saved plan is left alone.
 */
@Singleton
class ReviewTriggers {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewTriggers.class);

    private final PlanStore store;
    private final AfterCommit afterCommit;
    private final Clock clock;

    ReviewTriggers(PlanStore store, AfterCommit afterCommit, Clock clock) {
        this.store = store;
        this.afterCommit = afterCommit;
        this.clock = clock;
    }

    /** Published after an address, municipality or location change (and at registration, when there is no plan yet). */
    @EventListener
    void moved(HouseholdMoved moved) {
        raiseAfterCommit(moved.householdId(), ReviewReason.MOVED,
                moved.locationChanged() ? "住所と自宅の位置が変わりました" : "住所が変わりました");
    }

    @EventListener
    void deviceHandedOver(DeviceHandedOver handover) {
        raiseAfterCommit(handover.householdId(), ReviewReason.DEVICE_CHANGED,
                "貸与 " + handover.loanId() + "・装置 " + handover.deviceId());
    }

    @EventListener
    void deviceSwapped(DeviceSwapped swap) {
        raiseAfterCommit(swap.householdId(), ReviewReason.DEVICE_CHANGED, "貸与 " + swap.loanId() + "・装置の交換 "
                + swap.removedSerialNumber() + " → " + swap.serialNumber());
    }

    @EventListener
    void checkFailed(YearlyCheckFailed failed) {
        raiseAfterCommit(failed.householdId(), ReviewReason.CHECK_FAILED, failed.outcomeLabel());
    }

    private void raiseAfterCommit(long householdId, ReviewReason reason, String detail) {
        afterCommit.run(reason + " of household " + householdId, () -> raise(householdId, reason, detail));
    }

    /** Inside the caller's transaction. */
    void raise(long householdId, ReviewReason reason, String detail) {
        if (store.raiseReview(householdId, reason, detail, clock.instant())) {
            LOG.info("Evacuation plan of household {} needs review: {}", householdId, reason);
        }
    }
}
