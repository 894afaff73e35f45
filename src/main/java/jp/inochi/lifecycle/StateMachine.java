package jp.inochi.lifecycle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.inochi.platform.problem.IllegalTransitionException;

/**
 * The allowed steps of one lifecycle: for each action, the states it may start from and the state it leads to.
 * An action the current state does not allow is refused with the state and the actions it does allow (409).
 */
public final class StateMachine<S extends Enum<S> & Labelled, A extends Enum<A> & Labelled> {
    private final String subject;
    private final Map<A, Set<S>> from;
    private final Map<A, S> to;
    private final Class<A> actionType;

    private StateMachine(String subject, Class<A> actionType, Map<A, Set<S>> from, Map<A, S> to) {
        this.subject = subject;
        this.actionType = actionType;
        this.from = from;
        this.to = to;
    }

    /** {@code subject} names the thing in messages, e.g. 事業利用申請. */
    public static <S extends Enum<S> & Labelled, A extends Enum<A> & Labelled> Builder<S, A> of(
            String subject, Class<S> stateType, Class<A> actionType) {
        return new Builder<>(subject, stateType, actionType);
    }

    /**
     * The state the action leads to, or a refusal naming the current state and what it allows.
     * An action declared with no target (a step recorded within a state) leaves the state as it is.
     */
    public S next(S current, A action) {
        if (!allows(current, action)) {
            throw refusal(current, action);
        }
        S target = to.get(action);
        return target == null ? current : target;
    }

    public boolean allows(S current, A action) {
        return from.getOrDefault(action, Set.of()).contains(current);
    }

    /** The actions the state allows, in declaration order. */
    public List<A> allowed(S current) {
        List<A> allowed = new ArrayList<>();
        for (A action : actionType.getEnumConstants()) {
            if (allows(current, action)) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    public List<String> allowedApiNames(S current) {
        return allowed(current).stream().map(Labelled::apiName).toList();
    }

    /** The 409 for an action the state does not allow; also usable for rules beyond the table. */
    public IllegalTransitionException refusal(S current, A action) {
        return refusal(current, action, allowedApiNames(current));
    }

    /** The 409 naming {@code allowedActions} (a caller may offer only some of the machine's actions, by API name). */
    public IllegalTransitionException refusal(S current, A action, List<String> allowedActions) {
        List<String> labels = new ArrayList<>();
        for (A candidate : actionType.getEnumConstants()) {
            if (allowedActions.contains(candidate.apiName())) {
                labels.add("「" + candidate.label() + "」");
            }
        }
        String allowedText = labels.isEmpty() ? "なし" : String.join("、", labels);
        return new IllegalTransitionException(
                "「" + current.label() + "」の" + subject + "に「" + action.label() + "」は行えません。行える操作: " + allowedText,
                current.name(), allowedActions);
    }

    public static final class Builder<S extends Enum<S> & Labelled, A extends Enum<A> & Labelled> {
        private final String subject;
        private final Class<S> stateType;
        private final Class<A> actionType;
        private final Map<A, Set<S>> from;
        private final Map<A, S> to;

        private Builder(String subject, Class<S> stateType, Class<A> actionType) {
            this.subject = subject;
            this.stateType = stateType;
            this.actionType = actionType;
            this.from = new EnumMap<>(actionType);
            this.to = new EnumMap<>(actionType);
        }

        @SafeVarargs
        /** {@code target} null: the action is recorded but the state stays. */
        public final Builder<S, A> on(A action, S target, S... sources) {
            Set<S> set = EnumSet.noneOf(stateType);
            set.addAll(List.of(sources));
            from.put(action, set);
            to.put(action, target);
            return this;
        }

        public StateMachine<S, A> build() {
            return new StateMachine<>(subject, actionType, Collections.unmodifiableMap(new EnumMap<>(from)),
                    Collections.unmodifiableMap(new EnumMap<>(to)));
        }
    }
}
