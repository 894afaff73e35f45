package jp.inochi.disasters.model;

import jp.inochi.lifecycle.StateMachine;

/**
 * What a disaster event allows in each state: while it is active, everything; once closed, nothing (a new event is
 * declared instead), so the record of who was reached stays as it was at the close.
 */
public final class EventLifecycle {
    public static final StateMachine<EventState, EventAction> MACHINE = StateMachine
            .of("災害対応", EventState.class, EventAction.class)
            .on(EventAction.UPDATE_OUTAGE, null, EventState.ACTIVE)
            .on(EventAction.REEVALUATE_AREA, null, EventState.ACTIVE)
            .on(EventAction.OPEN_MUNICIPAL_ACCESS, null, EventState.ACTIVE)
            .on(EventAction.START_SAFETY_CHECK, null, EventState.ACTIVE)
            .on(EventAction.CLOSE, EventState.CLOSED, EventState.ACTIVE)
            .build();

    private EventLifecycle() {
    }
}
