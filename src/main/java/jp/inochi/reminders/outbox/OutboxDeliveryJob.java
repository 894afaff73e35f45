package jp.inochi.reminders.outbox;

import jakarta.inject.Singleton;
import jp.inochi.scheduling.Recurring;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Sends what the outbox holds ({@link OutboxDelivery#deliverReady()}), every 30 seconds
 * ({@code schedules/jobs.yml}). Claims are row locks, so a manual run or another instance may send at the
 * same time without sending anything twice.
 */
@Singleton
@Recurring("outbox-delivery")
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
}
