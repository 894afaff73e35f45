package jp.inochi.reminders.outbox;

import jakarta.inject.Singleton;
import jp.inochi.scheduling.ScheduledJob;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Sends what the outbox holds ({@link OutboxDelivery#deliverReady()}), every 30 seconds unless
 * {@code schedules/jobs.yml} says otherwise. Claims are row locks, so a manual run or another instance may send at the
 * same time without sending anything twice.
 */
@Singleton
@DisallowConcurrentExecution
class OutboxDeliveryJob implements Job {
    private final OutboxDelivery delivery;

    OutboxDeliveryJob(OutboxDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(JobExecutionContext context) {
        delivery.deliverReady();
    }

    @Singleton
    static class Schedule implements ScheduledJob {

        @Override
        public String name() {
            return "outbox-delivery";
        }

        @Override
        public String cron() {
            return "0/30 * * * * ?";
        }

        @Override
        public Class<? extends Job> jobClass() {
            return OutboxDeliveryJob.class;
        }
    }
}
