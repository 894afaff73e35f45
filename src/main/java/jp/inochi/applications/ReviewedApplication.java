package jp.inochi.applications;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import jp.inochi.lifecycle.Labelled;

/**
 * What program and loan applications share: a family, the day received, a state on their lifecycle, and the
 * review steps that move it. {@link ApplicationReview} works on it.
 */
public interface ReviewedApplication<S extends Enum<S> & Labelled, T extends ReviewedApplication<S, T>> {

    @Nullable
    Long id();

    long householdId();

    S state();

    LocalDate receivedOn();

    @Nullable
    Long version();

    T moved(S next, Instant now);

    T withInformationRequest(String message);
}
