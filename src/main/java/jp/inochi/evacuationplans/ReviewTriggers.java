package jp.inochi.evacuationplans;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Clock;
import jp.inochi.evacuationplans.model.ReviewReason;
import jp.inochi.households.HouseholdMoved;
import jp.inochi.inspections.YearlyCheckFailed;
import jp.inochi.loans.DeviceHandedOver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks the current plan 見直しが必要 with the reason when something it rests on changed: a move, a device handed over,
 * a failed yearly check (the hazard side is {@link ExposureChangeTriggers}). A household without a saved plan is left
 * alone. A failure is logged, never thrown back at the feature that published the event.
 */
@Singleton
class ReviewTriggers {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewTriggers.class);

    private final PlanStore store;
    private final Clock clock;

    ReviewTriggers(PlanStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Published after an address, municipality or location change (and at registration, when there is no plan yet). */
    @EventListener
    void moved(HouseholdMoved moved) {
        raise(moved.householdId(), ReviewReason.MOVED, moved.locationChanged() ? "住所と自宅の位置が変わりました" : "住所が変わりました");
    }

    @EventListener
    void deviceHandedOver(DeviceHandedOver handover) {
        raise(handover.householdId(), ReviewReason.DEVICE_CHANGED, "貸与 " + handover.loanId() + "・装置 " + handover.deviceId());
    }

    @EventListener
    void checkFailed(YearlyCheckFailed failed) {
        raise(failed.householdId(), ReviewReason.CHECK_FAILED, failed.outcomeLabel());
    }

    void raise(long householdId, ReviewReason reason, String detail) {
        try {
            if (store.raiseReview(householdId, reason, detail, clock.instant())) {
                LOG.info("Evacuation plan of household {} needs review: {}", householdId, reason);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not mark the evacuation plan of household {} for review ({}): {}", householdId, reason,
                    e.getClass().getSimpleName());
        }
    }
}
