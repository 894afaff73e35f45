package jp.inochi.loans;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import jp.inochi.access.Viewer;
import jp.inochi.lifecycle.Actor;
import jp.inochi.platform.problem.InochiException;
import jp.inochi.platform.tables.RowReading;
import jp.inochi.platform.tables.TableColumn;

/**
 * Records one sheet row's plan steps through {@link EvacuationPlanSteps} inside a SAVEPOINT (a nested transaction):
 * when a step is refused, the row's earlier steps are rolled back with it and the enclosing transaction goes on, so
 * one refused row never aborts the rows around it.
 */
@Singleton
class PlanStatusRowSteps {
    private static final TransactionDefinition SAVEPOINT = TransactionDefinition.of(TransactionDefinition.Propagation.NESTED);

    private final EvacuationPlanSteps steps;
    private final TransactionOperations<Connection> transactions;

    PlanStatusRowSteps(EvacuationPlanSteps steps, TransactionOperations<Connection> transactions) {
        this.steps = steps;
        this.transactions = transactions;
    }

    /** The steps recorded; 0 when there were none or the row was refused (its reason added to {@code reading}). */
    int record(Viewer viewer, long loanId, List<PlanStatusSheetRow.StepToRecord> toRecord, RowReading reading) {
        if (toRecord.isEmpty()) {
            return 0;
        }
        try {
            return transactions.execute(SAVEPOINT, status -> {
                for (PlanStatusSheetRow.StepToRecord step : toRecord) {
                    try {
                        steps.recordPlanStep(Actor.of(viewer), loanId,
                                new EvacuationPlanSteps.PlanStepRecord(step.step(), step.on(), null, null));
                    } catch (InochiException refused) {
                        throw new RefusedStep(step.column(), refused.detail());
                    }
                }
                return toRecord.size();
            });
        } catch (RefusedStep refused) {
            reading.reject(refused.column, refused.getMessage());
            return 0;
        }
    }

    /** Thrown out of the savepoint so it rolls back; carries the column and the step's own reason. */
    private static final class RefusedStep extends RuntimeException {
        private final transient TableColumn column;

        RefusedStep(TableColumn column, String reason) {
            super(reason, null, false, false);
            this.column = column;
        }
    }
}
