package jp.inochi.devices;

import jakarta.inject.Singleton;
import java.util.List;
import jp.inochi.lifecycle.Labelled;
import jp.inochi.lifecycle.SubjectType;
import jp.inochi.timeline.TimelineLabels;

/** A device's moves in the timeline. */
@Singleton
final class DeviceLabels implements TimelineLabels {
    @Override
    public List<Labelled> actions(SubjectType subject) {
        return subject == SubjectType.DEVICE ? List.of(DeviceAction.values()) : List.of();
    }

    @Override
    public List<Labelled> states(SubjectType subject) {
        return subject == SubjectType.DEVICE ? List.of(DeviceState.values()) : List.of();
    }
}
