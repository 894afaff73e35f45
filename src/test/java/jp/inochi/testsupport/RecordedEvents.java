package jp.inochi.testsupport;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.inochi.households.ChildWeanedOffVentilator;
import jp.inochi.households.HouseholdMoved;

/** Collects the household events the service publishes, so tests can see what other features receive. */
@Singleton
public class RecordedEvents {
    private final List<Object> events = new CopyOnWriteArrayList<>();

    @EventListener
    void onMoved(HouseholdMoved moved) {
        events.add(moved);
    }

    @EventListener
    void onWeaned(ChildWeanedOffVentilator weaned) {
        events.add(weaned);
    }

    public <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
