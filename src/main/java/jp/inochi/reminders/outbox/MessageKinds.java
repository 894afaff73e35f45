package jp.inochi.reminders.outbox;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The kinds of email the features contribute, by their {@code kind} column. */
@Singleton
public class MessageKinds {
    private final Map<String, MessageKind<?>> kinds = new HashMap<>();

    MessageKinds(List<MessageKind<?>> kinds) {
        kinds.forEach(kind -> this.kinds.put(kind.name(), kind));
    }

    /** The kind in staff's words; a kind this service does not know (an older or newer instance's) as written. */
    public String label(String kind) {
        MessageKind<?> known = kinds.get(kind);
        return known == null ? kind : known.label();
    }

    /** The message's kind, or null when this service does not know it. */
    @Nullable
    MessageKind<?> of(OutboxMessage message) {
        return kinds.get(message.kind());
    }
}
