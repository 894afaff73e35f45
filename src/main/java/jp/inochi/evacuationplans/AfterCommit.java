package jp.inochi.evacuationplans;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a plan's reaction to another feature's event once that feature's transaction committed (at once outside one),
 * in a transaction of its own: nothing is marked for a change that rolled back, and a failure here is logged, never
 * thrown back at the feature that published the event (after its commit the publisher's transaction is still bound,
 * and may be read-only).
 */
@Singleton
class AfterCommit {
    private static final Logger LOG = LoggerFactory.getLogger(AfterCommit.class);

    private final TransactionOperations<Connection> transactions;

    AfterCommit(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    void run(String what, Runnable work) {
        Runnable own = () -> {
            try {
                transactions.execute(TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW), status -> {
                    work.run();
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("Evacuation plans could not react to {}: {}", what, e.getClass().getSimpleName(), e);
            }
        };
        transactions.findTransactionStatus().ifPresentOrElse(status -> status.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        own.run();
                    }
                }), own);
    }
}
