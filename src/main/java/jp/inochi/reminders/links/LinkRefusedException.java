package jp.inochi.reminders.links;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** A link that can't be used, and why; {@code when} is the expiry or the time it was used, if known. */
public class LinkRefusedException extends RuntimeException {
    private final LinkRefusal refusal;
    private final Instant when;

    public LinkRefusedException(LinkRefusal refusal, @Nullable Instant when) {
        super(refusal.name());
        this.refusal = refusal;
        this.when = when;
    }

    public LinkRefusal refusal() {
        return refusal;
    }

    @Nullable
    public Instant when() {
        return when;
    }
}
