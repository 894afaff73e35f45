package jp.inochi.testsupport;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import jp.inochi.platform.time.ClockFactory;

/** In tests the service's Clock is a {@link MovableClock}; it starts at the real present. */
@Factory
public class TestClockFactory {

    @Singleton
    @Replaces(bean = Clock.class, factory = ClockFactory.class)
    MovableClock movableClock() {
        return new MovableClock(Instant.now());
    }
}
