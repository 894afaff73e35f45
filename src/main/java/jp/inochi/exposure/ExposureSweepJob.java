package jp.inochi.exposure;

import jakarta.inject.Singleton;
import jp.inochi.boundaries.HouseholdPlaces;
import jp.inochi.scheduling.Recurring;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Every five minutes (schedules/jobs.yml), once across all instances (clustered Quartz): evaluates homes that changed
 * without a HouseholdMoved event reaching this service, and homes not evaluated yet
 * ({@link HouseholdExposures#refreshStale()}, {@link HouseholdPlaces#refreshStale()}).
 */
@Singleton
@Recurring("exposure-and-place-sweep")
@DisallowConcurrentExecution
class ExposureSweepJob implements Job {
    private final HouseholdExposures exposures;
    private final HouseholdPlaces places;

    ExposureSweepJob(HouseholdExposures exposures, HouseholdPlaces places) {
        this.exposures = exposures;
        this.places = places;
    }

    @Override
    public void execute(JobExecutionContext context) {
        exposures.refreshStale();
        places.refreshStale();
    }
}
