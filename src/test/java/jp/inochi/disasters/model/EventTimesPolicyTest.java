package jp.inochi.disasters.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTimesPolicyTest {
    private static final Instant NOW = Instant.parse("2026-09-01T00:00:00Z");

    private static List<String> fields(List<EventTimesPolicy.Violation> violations) {
        return violations.stream().map(EventTimesPolicy.Violation::field).toList();
    }

    @Test
    void anEventMayBeEnteredAfterItBeganOrAheadOfATyphoonWithinBounds() {
        assertEquals(List.of(), EventTimesPolicy.check(NOW.minus(Duration.ofHours(6)), null, null, NOW));
        assertEquals(List.of(), EventTimesPolicy.check(NOW.plus(Duration.ofDays(2)), null, null, NOW));
        assertEquals(List.of("startsAt"), fields(EventTimesPolicy.check(NOW.minus(Duration.ofDays(31)), null, null, NOW)));
        assertEquals(List.of("startsAt"), fields(EventTimesPolicy.check(NOW.plus(Duration.ofDays(15)), null, null, NOW)));
    }

    @Test
    void theExpectedRestorationComesAfterTheOutageBegan() {
        assertEquals(List.of("expectedRestorationAt"), fields(EventTimesPolicy.check(NOW, NOW.plusSeconds(3600),
                NOW.plusSeconds(3600), NOW)));
        assertEquals(List.of("expectedRestorationAt"), fields(EventTimesPolicy.check(NOW, null, NOW.minusSeconds(1), NOW)));
        assertEquals(List.of(), EventTimesPolicy.check(NOW, NOW, NOW.plusSeconds(1), NOW));
    }

    @Test
    void theExpectedOutageRunsFromTheOutageOrWhileThePowerIsOnFromTheEventsStart() {
        assertEquals(48.0, EventTimesPolicy.expectedOutageHours(NOW, NOW.plus(Duration.ofHours(12)), NOW.plus(Duration.ofHours(60))));
        assertEquals(60.0, EventTimesPolicy.expectedOutageHours(NOW, null, NOW.plus(Duration.ofHours(60))));
        assertNull(EventTimesPolicy.expectedOutageHours(NOW, NOW, null));
    }
}
