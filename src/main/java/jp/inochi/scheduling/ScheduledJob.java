package jp.inochi.scheduling;

import org.quartz.Job;

/**
 * A recurring job: a bean that says which Quartz job class to run and on which cron schedule.
 * The job class itself stays a one-line trigger that calls a service method tests can call directly.
 */
public interface ScheduledJob {

    /** Stable name; the trigger and job keys in the shared job store are derived from it. */
    String name();

    /** A Quartz cron expression, evaluated in Japan time. */
    String cron();

    Class<? extends Job> jobClass();
}
