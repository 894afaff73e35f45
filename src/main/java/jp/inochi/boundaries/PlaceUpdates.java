package jp.inochi.boundaries;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
import jp.inochi.households.HouseholdMoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Places a household again after the commit that moved it. */
@Singleton
final class PlaceUpdates {
    private static final Logger LOG = LoggerFactory.getLogger(PlaceUpdates.class);

    private final HouseholdPlaces places;
    private final TransactionOperations<Connection> transactions;

    PlaceUpdates(HouseholdPlaces places, TransactionOperations<Connection> transactions) {
        this.places = places;
        this.transactions = transactions;
    }

    @EventListener
    void householdMoved(HouseholdMoved event) {
        Runnable place = () -> {
            try {
                places.recomputeHousehold(event.householdId());
            } catch (RuntimeException e) {
                LOG.error("Household {} could not be placed after its move", event.householdId(), e);
            }
        };
        transactions.findTransactionStatus().ifPresentOrElse(status -> status.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        place.run();
                    }
                }), place);
    }
}
