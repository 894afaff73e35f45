package jp.inochi.applications;

import jakarta.inject.Singleton;
import java.time.Clock;
import jp.inochi.lifecycle.Labelled;
import jp.inochi.lifecycle.LifecycleEventRepository;
import jp.inochi.lifecycle.LifecycleLog;

/** Makes the {@link ApplicationReview} of each kind of application, with the timeline and clock they share. */
@Singleton
public class ApplicationReviews {
    private final LifecycleLog log;
    private final LifecycleEventRepository events;
    private final Clock clock;

    ApplicationReviews(LifecycleLog log, LifecycleEventRepository events, Clock clock) {
        this.log = log;
        this.events = events;
        this.clock = clock;
    }

    public <T extends ReviewedApplication<S, T>, S extends Enum<S> & Labelled, A extends Enum<A> & Labelled>
    ApplicationReview<T, S, A> of(ApplicationReview.Kind<T, S, A> kind) {
        return new ApplicationReview<>(kind, log, events, clock);
    }
}
