package jp.inochi.platform.time;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The one source of "now": every rule that depends on time takes this Clock, so tests can move it. */
@Factory
public class ClockFactory {

    @Singleton
    Clock clock() {
        return Clock.system(JapanTime.ZONE);
    }
}
