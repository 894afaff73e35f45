package jp.inochi.applications;

import io.micronaut.core.annotation.Nullable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.Dates;
import jp.inochi.lifecycle.ExpectedVersion;
import jp.inochi.lifecycle.Labelled;
import jp.inochi.lifecycle.LifecycleEvent;
import jp.inochi.lifecycle.LifecycleEventRepository;
import jp.inochi.lifecycle.LifecycleLog;
import jp.inochi.lifecycle.LifecycleLog.Step;
import jp.inochi.lifecycle.StateMachine;
import jp.inochi.lifecycle.SubjectType;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.platform.time.JapanTime;

/**
 * The review that program and loan applications go through alike: finding and listing them, what may be done
 * next, their timeline, and the steps that only move the state (start and resume review, request information).
 * Each service keeps one (made by {@link ApplicationReviews}) and calls it inside its own transactions.
 */
public final class ApplicationReview<T extends ReviewedApplication<S, T>, S extends Enum<S> & Labelled,
        A extends Enum<A> & Labelled> {
    private static final String RECEIVED_ON = "申請の受付日";

    private final Kind<T, S, A> kind;
    private final LifecycleLog log;
    private final LifecycleEventRepository events;
    private final Clock clock;

    ApplicationReview(Kind<T, S, A> kind, LifecycleLog log, LifecycleEventRepository events, Clock clock) {
        this.kind = kind;
        this.log = log;
        this.events = events;
        this.clock = clock;
    }

    /**
     * One kind of application: its name in messages, its timeline subject, its lifecycle, where it is stored, and
     * the side actions (withdraw...) that the queue leaves out of "next steps".
     */
    public record Kind<T, S extends Enum<S> & Labelled, A extends Enum<A> & Labelled>(
            String name, SubjectType subject, StateMachine<S, A> lifecycle,
            ReviewedApplicationRepository<T, S> repository, Set<A> sideActions) {
    }

    public T get(long id) {
        return kind.repository().findById(id).orElseThrow(() -> new NotFoundException(kind.name()));
    }

    /** The application the client decided on, refused when it has changed since they saw it. */
    public T current(long id, @Nullable Long seenVersion) {
        T current = get(id);
        ExpectedVersion.check(seenVersion, current.version());
        return current;
    }

    public List<T> list(@Nullable S state, @Nullable Long householdId) {
        ReviewedApplicationRepository<T, S> repository = kind.repository();
        if (householdId != null) {
            return repository.findByHouseholdIdOrderByIdDesc(householdId).stream()
                    .filter(a -> state == null || a.state() == state).toList();
        }
        return state == null ? repository.findAllOrderByIdDesc() : repository.findByStateOrderById(state);
    }

    public List<String> allowedActions(T application) {
        return kind.lifecycle().allowedApiNames(application.state());
    }

    /** The next steps in the center's words, side actions left out. */
    public List<String> nextSteps(T application) {
        return kind.lifecycle().allowed(application.state()).stream()
                .filter(action -> !kind.sideActions().contains(action)).map(Labelled::label).toList();
    }

    public List<LifecycleEvent> history(long id) {
        get(id);
        return events.findBySubjectTypeAndSubjectIdOrderByIdAsc(kind.subject(), id);
    }

    /** A step that only moves the state, dated no earlier than the application was received. */
    public T step(Actor actor, long id, A action, StepCommand command) {
        T current = current(id, command.version());
        S next = kind.lifecycle().next(current.state(), action);
        LocalDate on = effective(command.effectiveOn(), current, "effectiveOn");
        T saved = kind.repository().update(current.moved(next, clock.instant()));
        record(actor, current, next, action, command.note(), on);
        return saved;
    }

    /** The review waits for the family; what they were asked stays on the application. */
    public T requestInformation(Actor actor, long id, A action, InformationRequest command) {
        T current = current(id, command.version());
        S next = kind.lifecycle().next(current.state(), action);
        LocalDate on = effective(command.effectiveOn(), current, "effectiveOn");
        String message = command.message().strip();
        T saved = kind.repository().update(current.withInformationRequest(message).moved(next, clock.instant()));
        record(actor, current, next, action, message, on);
        return saved;
    }

    public void record(Actor actor, T current, S next, A action, @Nullable String reason, LocalDate on) {
        log.record(actor, stepOf(current, next, action, reason, on));
    }

    /** The timeline entry of a step, for services that add a detail or a loan to it. */
    public Step stepOf(T current, S next, A action, @Nullable String reason, LocalDate on) {
        return Step.of(kind.subject(), current.id(), action, on).household(current.householdId())
                .states(current.state(), next).reason(blankToNull(reason));
    }

    /** A step's date: today by default; never in the future nor before the application was received. */
    public LocalDate effective(@Nullable LocalDate requested, T current, String field) {
        return effective(requested, current.receivedOn(), RECEIVED_ON, field);
    }

    /** A step's date: today by default; never in the future nor before {@code earliest}. */
    public LocalDate effective(@Nullable LocalDate requested, @Nullable LocalDate earliest, String earliestName,
                               String field) {
        LocalDate today = JapanTime.today(clock);
        LocalDate on = requested == null ? today : requested;
        List<FieldError> errors = new ArrayList<>();
        Dates.notInFuture(errors, field, on, today);
        Dates.notBefore(errors, field, on, earliest, earliestName);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return on;
    }

    public static String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
