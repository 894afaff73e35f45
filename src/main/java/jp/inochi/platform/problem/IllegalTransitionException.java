package jp.inochi.platform.problem;

import java.util.List;
import java.util.Map;

/** An action that the current state does not allow; the problem names the state and what is allowed. */
public class IllegalTransitionException extends InochiException {
    public IllegalTransitionException(String detail, String currentState, List<String> allowedActions) {
        super(ProblemType.ILLEGAL_TRANSITION, detail,
                Map.of("currentState", currentState, "allowedActions", List.copyOf(allowedActions)));
    }
}
