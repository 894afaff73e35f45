package jp.inochi.reminders.outbox;

import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.util.UUID;
import jp.inochi.scheduling.SchedulerSettings;

/**
 * The name this instance claims outbox messages under: the scheduler's instance id when one is configured
 * ({@code INOCHI_SCHEDULER_INSTANCE_ID}), otherwise process and host with a random suffix, unique per start.
 */
@Singleton
public class InstanceName {
    private final String name;

    InstanceName(SchedulerSettings settings) {
        String configured = settings.instanceId();
        this.name = configured == null || configured.isBlank() || "AUTO".equals(configured)
                ? ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8)
                : configured;
    }

    public String get() {
        return name;
    }
}
