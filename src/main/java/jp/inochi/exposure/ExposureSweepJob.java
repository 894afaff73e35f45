package jp.inochi.exposure;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jp.inochi.boundaries.HouseholdPlaces;
import jp.inochi.scheduling.ScheduledJob;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Every five minutes, once across all instances (clustered Quartz): evaluates homes that changed without a
 * HouseholdMoved event reaching this service, and homes not evaluated yet
 * ({@link HouseholdExposures#refreshStale()}, {@link HouseholdPlaces#refreshStale()}).
 */
@Singleton
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

    @Singleton
    static class Schedule implements ScheduledJob {
        private final String cron;

        Schedule(@Value("${inochi.exposure.sweep-cron:0 */5 * * * ?}") String cron) {
            this.cron = cron;
        }

        @Override
        public String name() {
            return "exposure-and-place-sweep";
        }

        @Override
        public String cron() {
            return cron;
        }

        @Override
        public Class<? extends Job> jobClass() {
            return ExposureSweepJob.class;
        }
    }
}
