package jp.inochi.audit;

import java.time.Instant;

/** Published after a refused request was written to the audit log, for whoever watches the refusals pile up. */
public record RefusalRecorded(long userId, Instant at) {
}
