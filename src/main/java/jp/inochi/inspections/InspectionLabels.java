package jp.inochi.inspections;

import jakarta.inject.Singleton;
import java.util.List;
import jp.inochi.inspections.model.InspectionOutcome;
import jp.inochi.lifecycle.Labelled;
import jp.inochi.lifecycle.SubjectType;
import jp.inochi.timeline.TimelineLabels;

/** A check's outcome in the timeline; its actions are the loan's (the loan feature names them). */
@Singleton
final class InspectionLabels implements TimelineLabels {
    @Override
    public List<Labelled> actions(SubjectType subject) {
        return List.of();
    }

    @Override
    public List<Labelled> states(SubjectType subject) {
        return subject == SubjectType.INSPECTION ? List.of(InspectionOutcome.values()) : List.of();
    }
}
