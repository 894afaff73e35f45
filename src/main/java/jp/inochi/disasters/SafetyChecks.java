package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.AccessScope;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditAction;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.disasters.model.ContactMethod;
import jp.inochi.disasters.model.ContactOutcome;
import jp.inochi.disasters.model.EventAction;
import jp.inochi.disasters.model.EventLifecycle;
import jp.inochi.disasters.model.EventState;
import jp.inochi.disasters.model.Reply;
import jp.inochi.disasters.model.ReplyWindow;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.LifecycleLog;
import jp.inochi.platform.problem.ConflictException;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.IllegalTransitionException;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.reminders.model.Recipient;
import jp.inochi.reminders.outbox.Jdbc;
import jp.inochi.reminders.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safety check (安否確認) of an event: one email per affected family through the shared outbox (exactly once:
 * one {@code safety_check} row per event and household, dedupe key {@code safety-check:<campaign>:<household>}; the
 * outbox retries and gives up as for every email), the family's replies through signed links, and the contacts
 * staff record while following up those not reached. A family the email can't reach (no consent to email contact,
 * no address) is on the unreached list at once. Nothing is sent before {@link SafetyCheckPreview} was seen.
 */
@Singleton
public class SafetyChecks {
    private static final Logger LOG = LoggerFactory.getLogger(SafetyChecks.class);
    static final String DEDUPE_PREFIX = "safety-check:";
    /** Links in the email work this long (a disaster lasts days, not months). */
    static final Duration LINKS_VALID = Duration.ofDays(14);

    private final TransactionOperations<Connection> transactions;
    private final Outbox outbox;
    private final LifecycleLog lifecycle;
    private final AuditLog auditLog;
    private final Clock clock;
    private final SafetyReplyMeters meters;

    SafetyChecks(TransactionOperations<Connection> transactions, Outbox outbox, LifecycleLog lifecycle,
                 AuditLog auditLog, Clock clock, SafetyReplyMeters meters) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.lifecycle = lifecycle;
        this.auditLog = auditLog;
        this.clock = clock;
        this.meters = meters;
    }

    /** The campaign of an event, with how its emails stand. */
    @Serdeable
    public record Campaign(long id, long eventId, Instant startedAt, long startedBy, long replyWithinMinutes,
                           Instant replyDueAt, Instant linksExpireAt, @Nullable String message, long households,
                           long queued, long sent, long notEmailed, long failed, long cancelled) {
    }

    /**
     * Starts the event's safety check: a {@code safety_check} for every household the event covers, and an email for
     * each family that can be emailed, all in one transaction. Once per event (409 for a second start).
     */
    public Campaign start(Viewer viewer, DisasterEvent event, Duration replyWithin, @Nullable String message,
                          @Nullable String confirmation, String resource) {
        checkWait(replyWithin);
        Instant now = clock.instant();
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            EventState state = lockEvent(connection, event.id());
            EventLifecycle.MACHINE.next(state, EventAction.START_SAFETY_CHECK);
            if (campaignId(connection, event.id()).isPresent()) {
                throw new ConflictException("この災害対応の安否確認はすでに開始しています。未確認の世帯には電話で確認してください");
            }
            SafetyCheckPreview.requireConfirmed(connection, event.id(), confirmation);
            long campaign;
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO safety_check_campaign (event_id, started_at, started_by, reply_within, links_expire_at, message)
                    VALUES (?, ?, ?, make_interval(secs => ?), ?, ?) RETURNING id""")) {
                insert.setLong(1, event.id());
                insert.setTimestamp(2, Timestamp.from(now));
                insert.setLong(3, viewer.userId());
                insert.setLong(4, replyWithin.toSeconds());
                insert.setTimestamp(5, Timestamp.from(now.plus(LINKS_VALID)));
                insert.setString(6, normalised(message));
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    campaign = row.getLong(1);
                }
            }
            int emailed = includeNewHouseholds(connection, event.id(), now);
            Campaign started = campaign(connection, event.id(), null).orElseThrow();
            lifecycle.record(Actor.of(viewer), DisasterEvents.step(event, EventAction.START_SAFETY_CHECK, now)
                    .detail("安否確認 " + campaign + ": メール " + emailed + "通、メールで連絡できない世帯 "
                            + started.notEmailed() + "、回答期限 " + started.replyDueAt()));
            LOG.info("Safety check {} of event {} started by user id {}: {} emails queued, {} not emailable", campaign,
                    event.id(), viewer.userId(), emailed, started.notEmailed());
            return started;
        });
    }

    static void checkWait(Duration replyWithin) {
        ReplyWindow.refusal(replyWithin).ifPresent(refusal -> {
            throw new InvalidInputException("replyWithinMinutes", refusal);
        });
    }

    /** The note added to the email, as stored: none when blank. */
    static String normalised(@Nullable String message) {
        return message == null || message.isBlank() ? null : message.strip();
    }

    /**
     * Gives every household of the event that has none yet its safety check (and email), if the event's campaign has
     * started; returns the emails queued. Used at the start and when the event's area is evaluated again. Joins the
     * caller's transaction.
     */
    int includeNewHouseholds(Connection connection, long eventId, Instant now) {
        Optional<Long> campaign = campaignId(connection, eventId);
        if (campaign.isEmpty()) {
            return 0;
        }
        List<long[]> emailable = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO safety_check (campaign_id, event_id, household_id, email_state, not_emailed_reason,
                                          reply_due_at, created_at, updated_at)
                SELECT c.id, c.event_id, r.household_id,
                       CASE WHEN r.can_be_emailed THEN 'QUEUED' ELSE 'NOT_EMAILED' END, r.not_emailed_reason,
                       ?::timestamptz + c.reply_within, ?, ?
                FROM safety_check_campaign c
                JOIN disaster_event_household eh ON eh.event_id = c.event_id
                JOIN household_email_reach r ON r.household_id = eh.household_id
                WHERE c.id = ?
                ON CONFLICT (event_id, household_id) DO NOTHING
                RETURNING id, household_id, email_state""")) {
            insert.setTimestamp(1, Timestamp.from(now));
            insert.setTimestamp(2, Timestamp.from(now));
            insert.setTimestamp(3, Timestamp.from(now));
            insert.setLong(4, campaign.get());
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(3).equals("QUEUED")) {
                        emailable.add(new long[] {rows.getLong(1), rows.getLong(2)});
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the safety checks of event " + eventId, e);
        }
        for (long[] check : emailable) {
            long checkId = check[0];
            long householdId = check[1];
            Optional<Long> message = outbox.enqueue(new Outbox.NewMessage(SafetyCheckMail.KIND,
                    DEDUPE_PREFIX + campaign.get() + ":" + householdId, Recipient.FAMILY, householdId, checkId, null, now));
            message.ifPresent(id -> Jdbc.update(connection, "UPDATE safety_check SET message_id = ? WHERE id = ?", id, checkId));
        }
        return emailable.size();
    }

    /** The event's campaign, its counts of the households in {@code scope} (an officer's only those they may see). */
    public Optional<Campaign> campaign(long eventId, AccessScope scope) {
        return transactions.executeRead(status -> campaign(status.getConnection(), eventId, scope));
    }

    private static Optional<Campaign> campaign(Connection connection, long eventId, @Nullable AccessScope scope)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT c.id, c.event_id, c.started_at, c.started_by, extract(epoch FROM c.reply_within)::bigint,
                       c.started_at + c.reply_within, c.links_expire_at, c.message,
                       count(s.id), count(s.id) FILTER (WHERE s.email_state = 'QUEUED'),
                       count(s.id) FILTER (WHERE s.email_state = 'SENT'),
                       count(s.id) FILTER (WHERE s.email_state = 'NOT_EMAILED'),
                       count(s.id) FILTER (WHERE s.email_state = 'FAILED'),
                       count(s.id) FILTER (WHERE s.email_state = 'CANCELLED')
                FROM safety_check_campaign c
                LEFT JOIN (safety_check s JOIN household h ON h.id = s.household_id
                           AND (?::text IS NULL OR household_access_basis(h, ?, ?, ?, ?) IS NOT NULL))
                       ON s.campaign_id = c.id
                WHERE c.event_id = ? GROUP BY c.id""")) {
            select.setString(1, scope == null ? null : scope.roleName());
            if (scope == null) {
                select.setString(2, null);
                select.setString(3, null);
                select.setString(4, null);
                select.setTimestamp(5, null);
            } else {
                scope.bind(select, 2);
            }
            select.setLong(6, eventId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Campaign(row.getLong(1), row.getLong(2), row.getTimestamp(3).toInstant(),
                        row.getLong(4), row.getLong(5) / 60, row.getTimestamp(6).toInstant(),
                        row.getTimestamp(7).toInstant(), row.getString(8), row.getLong(9), row.getLong(10),
                        row.getLong(11), row.getLong(12), row.getLong(13), row.getLong(14)));
            }
        }
    }

    private static Optional<Long> campaignId(Connection connection, long eventId) {
        long id = Jdbc.queryLong(connection, "SELECT coalesce(max(id), 0) FROM safety_check_campaign WHERE event_id = ?",
                eventId);
        return id == 0 ? Optional.empty() : Optional.of(id);
    }

    private static EventState lockEvent(Connection connection, long eventId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT state FROM disaster_event WHERE id = ? FOR UPDATE")) {
            lock.setLong(1, eventId);
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    throw new NotFoundException("災害対応");
                }
                return EventState.valueOf(row.getString(1));
            }
        }
    }

    /** A contact staff made (a phone call, a visit), as they record it. */
    public record NewContact(ContactMethod method, ContactOutcome outcome, @Nullable Reply reply,
                             @Nullable String detail, @Nullable Instant contactedAt) {
    }

    /** A contact as recorded, for the household's history. */
    @Serdeable
    public record Contact(long id, ContactMethod method, ContactOutcome outcome, @Nullable Reply reply,
                          @Nullable String detail, Instant contactedAt, Instant recordedAt, @Nullable String recordedBy) {
    }

    /**
     * Records a contact with a family of the event: the household must be one of the event's and one the viewer may
     * see (else 404, as everywhere, before the contact itself is checked); a call that reached the family records what they said (its reply). The event must
     * be running. Audited.
     */
    public Contact recordContact(Viewer viewer, DisasterEvent event, long householdId, NewContact contact, String resource) {
        Instant now = clock.instant();
        transactions.executeRead(status -> basisInEvent(status.getConnection(), viewer, event.id(), householdId))
                .orElseThrow(() -> new NotFoundException("この災害対応の世帯"));
        Instant contactedAt = contact.contactedAt() == null ? now : contact.contactedAt();
        List<FieldError> errors = new ArrayList<>();
        if (contact.method() == ContactMethod.EMAIL_LINK || contact.outcome() == ContactOutcome.REPLIED) {
            errors.add(new FieldError("method", "メールのリンクでの回答はご家族だけが記録できます。電話・訪問・その他を選んでください"));
        }
        if (contact.outcome() == ContactOutcome.REACHED && contact.reply() == null) {
            errors.add(new FieldError("reply", "連絡がついた場合は、ご家族の状況（無事・避難済み・電源が必要・支援が必要）を選んでください"));
        }
        if (contact.outcome() != ContactOutcome.REACHED && contact.reply() != null) {
            errors.add(new FieldError("reply", "連絡がつかなかった場合は、ご家族の状況は記録できません"));
        }
        if (contact.detail() != null && contact.detail().length() > 500) {
            errors.add(new FieldError("detail", "内容は500文字以内で入力してください"));
        }
        if (contactedAt.isAfter(now.plus(Duration.ofMinutes(5)))) {
            errors.add(new FieldError("contactedAt", "連絡した日時に未来の日時は入力できません"));
        } else if (contactedAt.isBefore(event.startsAt().minus(Duration.ofDays(1)))) {
            errors.add(new FieldError("contactedAt", "連絡した日時が災害対応の開始より前です"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            AccessBasis basis = basisInEvent(connection, viewer, event.id(), householdId)
                    .orElseThrow(() -> new NotFoundException("この災害対応の世帯"));
            EventState state = lockEvent(connection, event.id());
            if (state != EventState.ACTIVE) {
                throw new IllegalTransitionException("終了した災害対応には連絡の記録を追加できません", state.name(), List.of());
            }
            long id;
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO safety_contact (event_id, household_id, safety_check_id, method, outcome, reply, detail,
                                                contacted_at, recorded_at, recorded_by)
                    VALUES (?, ?, (SELECT id FROM safety_check WHERE event_id = ? AND household_id = ?), ?, ?, ?, ?, ?, ?, ?)
                    RETURNING id""")) {
                insert.setLong(1, event.id());
                insert.setLong(2, householdId);
                insert.setLong(3, event.id());
                insert.setLong(4, householdId);
                insert.setString(5, contact.method().name());
                insert.setString(6, contact.outcome().name());
                insert.setString(7, contact.reply() == null ? null : contact.reply().name());
                insert.setString(8, contact.detail() == null || contact.detail().isBlank() ? null : contact.detail().strip());
                insert.setTimestamp(9, Timestamp.from(contactedAt));
                insert.setTimestamp(10, Timestamp.from(now));
                insert.setLong(11, viewer.userId());
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    id = row.getLong(1);
                }
            }
            auditLog.householdsRead(viewer, resource, List.of(new HouseholdAccess(householdId, basis)));
            auditLog.changed(viewer, AuditAction.CREATE, resource, "safety_contact", id, null,
                    "household " + householdId + " event " + event.id() + " " + contact.method() + " " + contact.outcome()
                            + (contact.reply() == null ? "" : " " + contact.reply()));
            if (contact.reply() != null) {
                meters.replied(contact.reply(), contact.method());
            }
            return new Contact(id, contact.method(), contact.outcome(), contact.reply(), contact.detail(), contactedAt, now,
                    viewer.displayName());
        });
    }

    /** The contacts with one family during the event, oldest first (the viewer may see the household; else 404). */
    public List<Contact> contacts(Viewer viewer, DisasterEvent event, long householdId, String resource) {
        record Read(AccessBasis basis, List<Contact> contacts) {
        }
        // read, then audit: the audit entry is a write, which a read-only transaction refuses
        Read read = transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            AccessBasis basis = basisInEvent(connection, viewer, event.id(), householdId)
                    .orElseThrow(() -> new NotFoundException("この災害対応の世帯"));
            List<Contact> contacts = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT c.id, c.method, c.outcome, c.reply, c.detail, c.contacted_at, c.recorded_at, u.display_name
                    FROM safety_contact c LEFT JOIN app_user u ON u.id = c.recorded_by
                    WHERE c.event_id = ? AND c.household_id = ? ORDER BY c.contacted_at, c.id""")) {
                select.setLong(1, event.id());
                select.setLong(2, householdId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        contacts.add(new Contact(row.getLong(1), ContactMethod.valueOf(row.getString(2)),
                                ContactOutcome.valueOf(row.getString(3)),
                                row.getString(4) == null ? null : Reply.valueOf(row.getString(4)), row.getString(5),
                                row.getTimestamp(6).toInstant(), row.getTimestamp(7).toInstant(),
                                row.getString(8) == null ? "ご家族（メールのリンク）" : row.getString(8)));
                    }
                }
            }
            return new Read(basis, contacts);
        });
        auditLog.householdsRead(viewer, resource, List.of(new HouseholdAccess(householdId, read.basis())));
        return read.contacts();
    }

    /** The viewer's basis for a household of the event, or empty when it is not one or not theirs to see. */
    private Optional<AccessBasis> basisInEvent(Connection connection, Viewer viewer, long eventId, long householdId)
            throws SQLException {
        var scope = viewer.scope(clock);
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT household_access_basis(h, ?, ?, ?, ?) FROM disaster_event_household eh
                JOIN household h ON h.id = eh.household_id WHERE eh.event_id = ? AND eh.household_id = ?""")) {
            scope.bind(select, 1);
            select.setLong(5, eventId);
            select.setLong(6, householdId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || row.getString(1) == null) {
                    return Optional.empty();
                }
                return Optional.of(AccessBasis.valueOf(row.getString(1)));
            }
        }
    }
}
