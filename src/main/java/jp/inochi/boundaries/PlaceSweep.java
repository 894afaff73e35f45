package jp.inochi.boundaries;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A one-line trigger: places households whose home or stated municipality changed without an event, or are new. */
@Singleton
@Requires(property = "inochi.exposure.sweep-enabled", notEquals = "false")
final class PlaceSweep {
    private static final Logger LOG = LoggerFactory.getLogger(PlaceSweep.class);

    private final HouseholdPlaces places;

    PlaceSweep(HouseholdPlaces places) {
        this.places = places;
    }

    @Scheduled(fixedDelay = "${inochi.exposure.sweep-interval:5m}", initialDelay = "${inochi.exposure.sweep-initial-delay:30s}")
    void sweep() {
        int rows = places.refreshStale();
        if (rows > 0) {
            LOG.info("Place sweep: {} households placed again", rows);
        }
    }
}
