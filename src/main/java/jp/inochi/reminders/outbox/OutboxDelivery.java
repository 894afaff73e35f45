package jp.inochi.reminders.outbox;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox over SMTP (Micronaut Email), on any number of instances at once, batch after batch.
 *
 * <ul>
 *   <li><b>Claim</b> ({@link OutboxClaims}): one transaction picks ready messages {@code FOR UPDATE SKIP LOCKED},
 *   marks them SENDING under this instance's name with a lease, counts the attempt and lets the kind bind its items.
 *   Two instances never hold the same message.</li>
 *   <li><b>Send</b> ({@link OutboxSending}): the kind composes the email from the current state (nothing left →
 *   CANCELLED), then SMTP; SENT with the time, address and text as sent.</li>
 *   <li><b>Retry or give up</b> ({@link OutboxRetries}): back to PENDING after a growing wait, with the error; or
 *   FAILED after the last attempt (or an address the server refuses for good), and the center is told.</li>
 *   <li><b>An instance that dies mid-send</b> leaves its message SENDING; when the lease runs out, another instance
 *   takes it over and sends it. Each attempt records, committed, the moment it begins talking to the mail server;
 *   only a message whose interrupted attempt had begun is marked {@code redelivered}, since SMTP has no two-phase
 *   commit: if the death fell between the server's acceptance and the commit of SENT, that family gets the email
 *   twice. One that died before talking is a plain retry. We choose that over losing a deadline reminder; README
 *   explains it.</li>
 * </ul>
 */
@Singleton
public class OutboxDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);
    private static final Duration RUN_BUDGET = Duration.ofMinutes(4);

    private final OutboxClaims claims;
    private final OutboxSending sending;
    private final OutboxRetries retries;
    private final MessageKinds kinds;
    private final OutboxRepository messages;
    private final InstanceName instance;

    OutboxDelivery(OutboxClaims claims, OutboxSending sending, OutboxRetries retries, MessageKinds kinds,
                   OutboxRepository messages, InstanceName instance) {
        this.claims = claims;
        this.sending = sending;
        this.retries = retries;
        this.kinds = kinds;
        this.messages = messages;
        this.instance = instance;
    }

    /** What one run did. Failures to send are counted, not thrown: the rest of the batch still goes out. */
    @io.micronaut.serde.annotation.Serdeable
    public record DeliveryReport(int claimed, int sent, int retrying, int gaveUp, int cancelled, int takenOver) {
        DeliveryReport plus(DeliveryReport other) {
            return new DeliveryReport(claimed + other.claimed, sent + other.sent, retrying + other.retrying,
                    gaveUp + other.gaveUp, cancelled + other.cancelled, takenOver + other.takenOver);
        }
    }

    /** Sends everything that is ready now, batch after batch, until nothing is ready (or the run's time is up). */
    public DeliveryReport deliverReady() {
        DeliveryReport total = new DeliveryReport(0, 0, 0, 0, 0, 0);
        long started = System.nanoTime();
        while (System.nanoTime() - started < RUN_BUDGET.toNanos()) {
            DeliveryReport batch = deliverOneBatch();
            total = total.plus(batch);
            if (batch.claimed() == 0) {
                break;
            }
        }
        if (total.retrying() > 0 || total.gaveUp() > 0) {
            LOG.warn("Outbox delivery on {}: {} claimed, {} sent, {} waiting to retry, {} gave up, {} cancelled, {} taken over",
                    instance.get(), total.claimed(), total.sent(), total.retrying(), total.gaveUp(), total.cancelled(),
                    total.takenOver());
        } else if (total.claimed() > 0) {
            LOG.info("Outbox delivery on {}: {} claimed, {} sent, {} retrying, {} gave up, {} cancelled, {} taken over",
                    instance.get(), total.claimed(), total.sent(), total.retrying(), total.gaveUp(), total.cancelled(),
                    total.takenOver());
        }
        return total;
    }

    /** Claims one batch and sends it. */
    public DeliveryReport deliverOneBatch() {
        OutboxClaims.Claimed claimed = claims.claim();
        int sent = 0;
        int retrying = 0;
        int gaveUp = 0;
        int cancelled = 0;
        List<OutboxMessage> batch = claimed.messages();
        for (int i = 0; i < batch.size(); i++) {
            OutboxMessage message = batch.get(i);
            switch (sending.process(message)) {
                case SENT -> sent++;
                case RETRY -> retrying++;
                case GAVE_UP -> gaveUp++;
                case CANCELLED -> cancelled++;
                case LOST_CLAIM -> { }
                case UNREACHABLE -> {
                    // The server can't be reached: the rest of the batch fails the same way without trying, so every
                    // message counts the attempt alike (none is given up earlier than another) and none waits on a timeout.
                    retrying++;
                    String error = lastErrorOf(message);
                    for (OutboxMessage rest : batch.subList(i + 1, batch.size())) {
                        SendOutcome outcome = retries.fail(rest, kinds.of(rest),
                                "メールサーバーに接続できないため送信を見送りました（" + error + "）", false);
                        if (outcome == SendOutcome.GAVE_UP) {
                            gaveUp++;
                        } else if (outcome != SendOutcome.LOST_CLAIM) {
                            retrying++;
                        }
                    }
                    i = batch.size();
                }
            }
        }
        return new DeliveryReport(batch.size(), sent, retrying, gaveUp, cancelled, claimed.takenOver());
    }

    private String lastErrorOf(OutboxMessage message) {
        return messages.findById(message.id()).map(OutboxMessage::lastError).orElse("");
    }
}
