package jp.inochi.timeline;

import java.util.List;
import jp.inochi.lifecycle.Labelled;
import jp.inochi.lifecycle.SubjectType;

/**
 * A feature's words for the actions and states its subjects record in the lifecycle log, so the timeline depends on
 * no feature. Each feature that records lifecycle events provides one as a bean.
 */
public interface TimelineLabels {
    /** The actions recorded on {@code subject}; empty if the subject is not this feature's. */
    List<Labelled> actions(SubjectType subject);

    /** The states {@code subject} moves through; empty if the subject is not this feature's. */
    List<Labelled> states(SubjectType subject);
}
