package jp.inochi.scheduling;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.inject.BeanDefinition;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.quartz.Job;

/**
 * Every {@link Recurring} job bean with its cadence from {@code schedules/jobs.yml}. Found and checked when the
 * service starts ({@code @Context}): a wrong cron, an unknown job or a job the file leaves out stops the start.
 */
@Context
final class RecurringJobs {
    private final List<ScheduledJob> jobs;

    RecurringJobs(SchedulesSettings settings, BeanContext beans) {
        Map<String, Class<? extends Job>> jobClasses = jobClasses(beans);
        Map<String, JobCadences.Cadence> cadences = JobCadences.read(
                SchedulesFile.read(settings.file(JobCadences.FILE)), jobClasses.keySet());
        this.jobs = jobClasses.entrySet().stream()
                .map(job -> new ScheduledJob(job.getKey(), job.getValue(), cadences.get(job.getKey())))
                .toList();
    }

    List<ScheduledJob> all() {
        return jobs;
    }

    private static Map<String, Class<? extends Job>> jobClasses(BeanContext beans) {
        Map<String, Class<? extends Job>> jobClasses = new TreeMap<>();
        for (BeanDefinition<Job> job : beans.getBeanDefinitions(Job.class)) {
            job.stringValue(Recurring.class).ifPresent(name -> {
                Class<? extends Job> twin = jobClasses.put(name, job.getBeanType());
                if (twin != null) {
                    throw new IllegalStateException("Two recurring jobs are named " + name + ": "
                            + twin.getName() + " and " + job.getBeanType().getName());
                }
            });
        }
        return jobClasses;
    }
}
