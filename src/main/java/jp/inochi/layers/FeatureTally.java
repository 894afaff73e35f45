package jp.inochi.layers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Features repaired, or skipped: every one counted, the first {@code limit} kept for the report with their reason. */
final class FeatureTally {
    private final int limit;
    private final List<ImportReport.Entry> entries = new ArrayList<>();
    private long count;

    FeatureTally(int limit) {
        this.limit = limit;
    }

    void add(long featureIndex, String where, String reason) {
        count++;
        if (entries.size() < limit) {
            entries.add(new ImportReport.Entry(featureIndex, where, reason));
        }
    }

    long count() {
        return count;
    }

    /** The kept entries in file order. */
    List<ImportReport.Entry> sorted() {
        return entries.stream().sorted(Comparator.comparingLong(ImportReport.Entry::featureIndex)).toList();
    }
}
