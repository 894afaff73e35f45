package jp.inochi.web;

import java.time.Instant;
import java.util.Optional;
import jp.inochi.access.Viewer;

/** The header's question about a 災害宣言, answered by the disasters feature so the UI kit depends on no feature. */
public interface ActiveDeclarations {
    /** The declaration the header names: its hazard in words and when it ends. */
    record Banner(String hazardLabel, Instant effectiveEnd) {
    }

    /** The latest declaration active at {@code now} among those {@code viewer} sees, if any. */
    Optional<Banner> latest(Viewer viewer, Instant now);
}
