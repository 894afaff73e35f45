package jp.inochi.disasters;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Locale;
import jp.inochi.disasters.model.ContactMethod;
import jp.inochi.disasters.model.Reply;

/**
 * {@code inochi.safety.replies}: families' answers to the safety check, by reply and by how they came (the email's
 * link, or a call or visit that reached them). Counted when the reply's transaction commits, so a rolled-back one
 * is not counted.
 */
@Singleton
final class SafetyReplyMeters {
    private final MeterRegistry registry;
    private final TransactionOperations<Connection> transactions;

    SafetyReplyMeters(MeterRegistry registry, TransactionOperations<Connection> transactions) {
        this.registry = registry;
        this.transactions = transactions;
    }

    void replied(Reply reply, ContactMethod method) {
        Counter counter = Counter.builder("inochi.safety.replies").description("Safety-check replies, by reply and channel")
                .tags("reply", reply.name().toLowerCase(Locale.ROOT), "channel", method.name().toLowerCase(Locale.ROOT))
                .register(registry);
        transactions.findTransactionStatus().ifPresentOrElse(status -> status.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        counter.increment();
                    }
                }), counter::increment);
    }
}
