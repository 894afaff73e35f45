package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import jp.inochi.access.AccessScope;
import jp.inochi.access.Viewer;
import jp.inochi.disasters.model.EventAction;
import jp.inochi.lifecycle.LifecycleEvent;
import jp.inochi.lifecycle.LifecycleEventRepository;
import jp.inochi.lifecycle.LifecycleLog.Step;
import jp.inochi.lifecycle.SubjectType;
import jp.inochi.platform.problem.InochiException;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.platform.problem.ProblemType;
import jp.inochi.platform.time.JapanTime;

/**
 * Reading disaster events: those a viewer may see, one event, its timeline and its household count. The changes
 * are one class per use case: {@link DeclaringEvents}, {@link EventOutages}, {@link ReevaluatingEventAreas},
 * {@link OpeningMunicipalAccess} and {@link ClosingEvents}, each step in the event's timeline and the audit log.
 */
@Singleton
public class DisasterEvents {
    /** The event's total in a timeline step (" / 対象 918世帯"): the center's count, not an officer's. */
    private static final Pattern EVENT_TOTAL = Pattern.compile(" / 対象 \\d+世帯");
    private final DisasterEventRepository events;
    private final LifecycleEventRepository timeline;
    private final TransactionOperations<Connection> transactions;

    DisasterEvents(DisasterEventRepository events, LifecycleEventRepository timeline,
                   TransactionOperations<Connection> transactions) {
        this.events = events;
        this.timeline = timeline;
        this.transactions = transactions;
    }

    public List<DisasterEvent> visibleTo(Viewer viewer) {
        return viewer.isMunicipalOfficer() ? events.findCovering(viewer.municipalityCode()) : events.findAllNewestFirst();
    }

    /** The event, if the viewer may know of it (an officer: only events covering their municipality); else 404. */
    public DisasterEvent get(Viewer viewer, long id) {
        return events.findById(id)
                .filter(event -> !viewer.isMunicipalOfficer() || event.covers(viewer.municipalityCode()))
                .orElseThrow(() -> new NotFoundException("災害対応"));
    }

    DisasterEvent get(long id) {
        return events.findById(id).orElseThrow(() -> new NotFoundException("災害対応"));
    }

    /** The event about to change; a 409 when the person saw an older version of it. */
    DisasterEvent getForUpdate(long id, @Nullable Long expectedVersion) {
        DisasterEvent event = get(id);
        if (expectedVersion != null && !expectedVersion.equals(event.version())) {
            throw new InochiException(ProblemType.CONCURRENT_MODIFICATION, "他の方が先にこの災害対応を更新しました。"
                    + "最新の内容を確認してから、もう一度操作してください");
        }
        return event;
    }

    public List<LifecycleEvent> timeline(long id) {
        return timeline.findBySubjectTypeAndSubjectIdOrderByIdAsc(SubjectType.DISASTER_EVENT, id);
    }

    /** The timeline as the viewer sees it: an officer is not told the event's total, only counts in their scope. */
    public List<LifecycleEvent> timeline(Viewer viewer, long id) {
        List<LifecycleEvent> steps = timeline(id);
        if (!viewer.isMunicipalOfficer()) {
            return steps;
        }
        return steps.stream().map(step -> step.detail() == null ? step : new LifecycleEvent(step.id(), step.occurredAt(),
                step.effectiveOn(), step.subjectType(), step.subjectId(), step.householdId(), step.loanId(), step.action(),
                step.stateBefore(), step.stateAfter(), step.reason(), EVENT_TOTAL.matcher(step.detail()).replaceAll(""),
                step.actorUserId(), step.actorUsername(), step.actorRole())).toList();
    }

    /** How many of the households the event covers are in {@code scope} (an officer counts only those they may see). */
    public long householdCount(long id, AccessScope scope) {
        return transactions.executeRead(status -> {
            try (PreparedStatement count = status.getConnection().prepareStatement("""
                    SELECT count(*) FROM disaster_event_household eh JOIN household h ON h.id = eh.household_id
                    WHERE eh.event_id = ? AND household_access_basis(h, ?, ?, ?, ?) IS NOT NULL""")) {
                count.setLong(1, id);
                scope.bind(count, 2);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /** A step of the event's timeline, dated in Japan time. */
    static Step step(DisasterEvent event, EventAction action, Instant now) {
        return Step.of(SubjectType.DISASTER_EVENT, event.id(), action, JapanTime.today(Clock.fixed(now, JapanTime.ZONE)));
    }
}
