package jp.inochi.applications;

import jakarta.inject.Singleton;
import java.util.List;
import jp.inochi.applications.model.ProgramApplicationAction;
import jp.inochi.applications.model.ProgramApplicationState;
import jp.inochi.lifecycle.Labelled;
import jp.inochi.lifecycle.SubjectType;
import jp.inochi.timeline.TimelineLabels;

/** A program application's steps in the timeline. */
@Singleton
final class ProgramApplicationLabels implements TimelineLabels {
    @Override
    public List<Labelled> actions(SubjectType subject) {
        return subject == SubjectType.PROGRAM_APPLICATION ? List.of(ProgramApplicationAction.values()) : List.of();
    }

    @Override
    public List<Labelled> states(SubjectType subject) {
        return subject == SubjectType.PROGRAM_APPLICATION ? List.of(ProgramApplicationState.values()) : List.of();
    }
}
