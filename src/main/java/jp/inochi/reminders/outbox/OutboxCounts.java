package jp.inochi.reminders.outbox;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The outbox in numbers for staff: {@code scheduled} waits for its time (tomorrow's digest), {@code sendingOrRetrying}
 * is due and not gone yet, so 0 means everything due has gone; {@code byState} counts every state as before.
 */
@Serdeable
public record OutboxCounts(long scheduled, long sendingOrRetrying, List<OutboxRepository.StateCount> byState) {

    public long of(Backlog backlog) {
        return backlog == Backlog.SCHEDULED ? scheduled : sendingOrRetrying;
    }

    public long of(MessageState state) {
        return byState.stream().filter(c -> c.state().equals(state.name())).mapToLong(OutboxRepository.StateCount::messages)
                .sum();
    }
}
