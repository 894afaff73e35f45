package jp.inochi.exposure;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A one-line trigger: every few minutes, bring stale exposure rows up to date (homes moved without an event, new homes). */
@Singleton
@Requires(property = "inochi.exposure.sweep-enabled", notEquals = "false")
final class ExposureSweep {
    private static final Logger LOG = LoggerFactory.getLogger(ExposureSweep.class);

    private final HouseholdExposures exposures;

    ExposureSweep(HouseholdExposures exposures) {
        this.exposures = exposures;
    }

    @Scheduled(fixedDelay = "${inochi.exposure.sweep-interval:5m}", initialDelay = "${inochi.exposure.sweep-initial-delay:30s}")
    void sweep() {
        int rows = exposures.refreshStaleOnce();
        if (rows > 0) {
            LOG.info("Exposure sweep: {} stale rows brought up to date", rows);
        }
    }
}
