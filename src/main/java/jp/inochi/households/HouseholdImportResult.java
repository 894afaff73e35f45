package jp.inochi.households;

import java.util.List;
import jp.inochi.platform.tables.DryRun;
import jp.inochi.platform.tables.RowOutcome;

/**
 * A dry run as the page shows it: one line per refused cell (row, column, reason first), then the rows that would be
 * written, each list capped so a 10,000-row file still gives a page a person can read.
 */
record HouseholdImportResult(long created, long updated, long refusedRows, List<Refusal> refusals, int refusalsNotShown,
                             List<RowOutcome> accepted, int acceptedNotShown) {
    static final int MAX_REFUSALS_SHOWN = 200;
    static final int MAX_ACCEPTED_SHOWN = 100;

    /** One reason a row can't be taken; {@code column} is empty when it is about the whole row. */
    record Refusal(int row, String column, String reason, String subject) {
    }

    static HouseholdImportResult of(DryRun dryRun) {
        List<Refusal> refusals = dryRun.refusals().stream().flatMap(row -> row.problems().stream()
                .map(p -> new Refusal(p.row(), p.column() == null ? "" : p.column(), p.message(), row.subject()))).toList();
        List<RowOutcome> accepted = dryRun.rows().stream().filter(row -> !row.refused()).toList();
        return new HouseholdImportResult(dryRun.createdCount(), dryRun.updatedCount(), dryRun.refusedCount(),
                refusals.subList(0, Math.min(refusals.size(), MAX_REFUSALS_SHOWN)),
                Math.max(0, refusals.size() - MAX_REFUSALS_SHOWN),
                accepted.subList(0, Math.min(accepted.size(), MAX_ACCEPTED_SHOWN)),
                Math.max(0, accepted.size() - MAX_ACCEPTED_SHOWN));
    }

    public boolean confirmable() {
        return refusedRows == 0 && created + updated > 0;
    }
}
