package jp.inochi.scheduling;

import org.quartz.Job;

/** A recurring job: its name, the Quartz job bean that runs it, and its cadence from {@code schedules/jobs.yml}. */
record ScheduledJob(String name, Class<? extends Job> jobClass, JobCadences.Cadence cadence) {
}
