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
        if (subject != SubjectType.DEVICE) {
            return List.of();
        }
        List<Labelled> all = new java.util.ArrayList<>(List.of(DeviceAction.values()));
        all.addAll(List.of(RepairStep.values()));
        return all;
    }

    @Override
    public List<Labelled> states(SubjectType subject) {
        return subject == SubjectType.DEVICE ? List.of(DeviceState.values()) : List.of();
    }
}
