package jp.inochi.scheduling;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Quartz runs clustered on the service's own PostgreSQL: every instance shares the jobs, and a job
 * whose instance dies is recovered by another after {@code clusterCheckinInterval}.
 */
@ConfigurationProperties("inochi.scheduler")
public record SchedulerSettings(
        @Bindable(defaultValue = "true") boolean start,
        @Bindable(defaultValue = "4") int threads,
        @Bindable(defaultValue = "AUTO") String instanceId,
        @Bindable(defaultValue = "5s") Duration clusterCheckinInterval) {
}
