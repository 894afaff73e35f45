package jp.inochi.exposure;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
import jp.inochi.hazards.HazardLayerReplaced;
import jp.inochi.households.HouseholdMoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When exposure is recomputed: inside the import's transaction when a hazard layer gets a new version (so the new
 * version and the exposure derived from it commit together), and after the commit that moved a household's home.
 */
@Singleton
final class ExposureUpdates {
    private static final Logger LOG = LoggerFactory.getLogger(ExposureUpdates.class);

    private final HouseholdExposures exposures;
    private final TransactionOperations<Connection> transactions;

    ExposureUpdates(HouseholdExposures exposures, TransactionOperations<Connection> transactions) {
        this.exposures = exposures;
        this.transactions = transactions;
    }

    @EventListener
    void layerReplaced(HazardLayerReplaced event) {
        int rows = exposures.recomputeForLayer(event.hazardType(), event.layerId(), event.versionId());
        LOG.info("Hazard layer {} version {}: exposure recomputed for {} households", event.layerId(), event.versionId(), rows);
    }

    /**
     * The households feature publishes this when an address or location changed. If it is published inside a
     * transaction, the recompute waits for its commit (it must see the new location); otherwise it runs at once.
     * A failure is logged, not thrown back at the publisher: the periodic sweep will find the stale row.
     */
    @EventListener
    void householdMoved(HouseholdMoved event) {
        Runnable recompute = () -> {
            try {
                exposures.recomputeHousehold(event.householdId());
            } catch (RuntimeException e) {
                LOG.error("Exposure of household {} could not be recomputed after its move", event.householdId(), e);
            }
        };
        transactions.findTransactionStatus().ifPresentOrElse(status -> status.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        recompute.run();
                    }
                }), recompute);
    }

}
