package jp.inochi.reminders;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.inochi.loans.model.Obligation;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.platform.time.JapaneseDates;
import jp.inochi.reminders.model.NotSentBecause;
import jp.inochi.reminders.model.Recipient;
import jp.inochi.reminders.model.ReminderPolicy;
import jp.inochi.reminders.model.ReminderStillDuePolicy;
import jp.inochi.reminders.outbox.ComposedEmail;
import jp.inochi.reminders.outbox.Composition;
import jp.inochi.reminders.outbox.Jdbc;
import jp.inochi.reminders.outbox.MailTemplates;
import jp.inochi.reminders.outbox.MessageKind;
import jp.inochi.reminders.outbox.OutboxMessage;
import jp.inochi.reminders.links.SignedLinks;

/**
 * A family's reminders of one day in one email ({@code mail/reminders/family-digest.txt|html}): each obligation
 * with its due date in 和暦 and Gregorian, the days left, what to do next and, where the family can report the step
 * done, a signed link. Addressed to the child by first name only. Composed at send time: reminders whose obligation
 * was done, whose loan ended or that the family already reported are left out, and a family that withdrew consent
 * or has no address is not emailed (the staff digest says so).
 */
@Singleton
class FamilyDigest implements MessageKind<FamilyDigest.Decision> {
    static final String KIND = "reminder.family-digest";

    private final TransactionOperations<Connection> transactions;
    private final MailTemplates templates;
    private final SignedLinks links;
    private final CenterContact center;
    private final ReminderPolicy policy;
    private final Clock clock;

    FamilyDigest(TransactionOperations<Connection> transactions, MailTemplates templates, SignedLinks links,
                 CenterContact center, ReminderPolicy policy, Clock clock) {
        this.transactions = transactions;
        this.templates = templates;
        this.links = links;
        this.center = center;
        this.policy = policy;
        this.clock = clock;
    }

    /** Which reminders went into the email, and which were left out and why. */
    record Decision(List<Long> kept, Map<Long, NotSentBecause> dropped) {
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public String label() {
        return "ご家族へのお知らせ";
    }

    /** Binds the family's waiting reminders to this digest (a resend keeps the items of the email it repeats). */
    @Override
    public void claimed(OutboxMessage message) {
        if (message.resendOf() != null) {
            return;
        }
        Jdbc.update(transactions.getConnection(), """
                UPDATE reminder SET message_id = ?, updated_at = ?
                WHERE household_id = ? AND recipient = 'FAMILY' AND state = 'PENDING' AND message_id IS NULL
                  AND swept_on <= ?""", message.id(), clock.instant(), message.householdId(), message.digestOn());
    }

    @Override
    public Composition<Decision> compose(OutboxMessage message) {
        long carrier = message.resendOf() == null ? message.id() : message.resendOf();
        LocalDate today = JapanTime.today(clock);
        List<Item> items = transactions.executeRead(status -> items(status.getConnection(), carrier));
        List<Item> kept = new ArrayList<>();
        Map<Long, NotSentBecause> dropped = new LinkedHashMap<>();
        for (Item item : items) {
            Optional<NotSentBecause> reason = ReminderStillDuePolicy.reasonNotToSend(item.facts());
            reason.ifPresentOrElse(why -> dropped.put(item.id(), why), () -> kept.add(item));
        }
        Decision decision = new Decision(kept.stream().map(Item::id).toList(), dropped);
        if (kept.isEmpty()) {
            return Composition.nothingToSend(items.isEmpty() ? "お知らせする事項がありません"
                    : "お知らせする事項がなくなりました（" + String.join("、", dropped.values().stream()
                    .map(NotSentBecause::label).distinct().toList()) + "）", decision);
        }
        Item first = kept.get(0);
        Instant linksExpire = clock.instant().plus(Duration.ofDays(policy.linkValidDays()));
        List<Map<String, Object>> itemModels = new ArrayList<>();
        for (Item item : kept) {
            itemModels.add(model(item, today, linksExpire));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("childName", first.childGivenName());
        model.put("items", itemModels);
        model.put("center", center);
        model.put("linksExpire", JapaneseDates.withGregorian(LocalDate.ofInstant(linksExpire, JapanTime.ZONE)));
        MailTemplates.Rendered rendered = templates.render("reminders/family-digest", model);
        String subject = "【" + center.name() + "】" + (kept.size() == 1
                ? heading(first.obligation(), first.dueOn().isBefore(today))
                : "期限が近いお手続きのお知らせ（" + kept.size() + "件）");
        return Composition.send(new ComposedEmail(first.email(), subject, rendered.text(), rendered.html()), decision);
    }

    @Override
    public void sent(OutboxMessage message, Composition<Decision> composition) {
        record(composition.detail(), true);
    }

    @Override
    public void cancelled(OutboxMessage message, Composition<Decision> composition) {
        record(composition.detail(), false);
    }

    /** The reminders of a digest given up are FAILED; the staff digest lists the message. */
    @Override
    public void gaveUp(OutboxMessage message) {
        ReminderRows.markDeliveryFailed(transactions.getConnection(), message.id(), clock.instant());
    }

    private void record(Decision decision, boolean sent) {
        Connection connection = transactions.getConnection();
        Instant now = clock.instant();
        if (sent) {
            ReminderRows.markSent(connection, decision.kept(), now);
        }
        decision.dropped().forEach((id, why) -> Jdbc.update(connection, """
                UPDATE reminder SET state = ?, not_sent_because = ?, updated_at = ?
                WHERE id = ? AND state IN ('PENDING', 'FAILED')""", why.state().name(), why.name(), now, id));
    }

    private Map<String, Object> model(Item item, LocalDate today, Instant linksExpire) {
        long days = ChronoUnit.DAYS.between(today, item.dueOn());
        Map<String, Object> model = new HashMap<>();
        model.put("obligation", item.obligation().name());
        model.put("heading", heading(item.obligation(), days < 0));
        model.put("due", JapaneseDates.withGregorian(item.dueOn()));
        boolean sinceOpened = item.obligation() == Obligation.DEVICE_RETURN;
        model.put("dueLabel", sinceOpened ? "返還手続きの開始" : "期限");
        model.put("days", sinceOpened ? "開始から" + (-days) + "日たちました"
                : days > 0 ? "あと" + days + "日" : days == 0 ? "本日が期限です" : "期限を" + (-days) + "日過ぎています");
        model.put("overdue", days < 0);
        model.put("link", switch (item.obligation()) {
            case EVACUATION_PLAN_APPLICATION -> links.url(FamilyReportLinks.PLAN_APPLIED, item.id(), linksExpire);
            case YEARLY_CHECK -> links.url(FamilyReportLinks.CHECK_SCHEDULE, item.id(), linksExpire);
            case LOAN_TERM_END, DEVICE_RETURN, EVACUATION_PLAN_REVIEW -> null;
        });
        return model;
    }

    static String heading(Obligation obligation, boolean overdue) {
        return switch (obligation) {
            case EVACUATION_PLAN_APPLICATION -> overdue ? "個別避難計画の作成申請の期限が過ぎています" : "個別避難計画の作成申請の期限が近づいています";
            case YEARLY_CHECK -> overdue ? "年に1回の装置の確認（点検）の時期が過ぎています" : "年に1回の装置の確認（点検）の時期が近づいています";
            case LOAN_TERM_END -> "非常用電源装置の貸与期間の満了が近づいています";
            case DEVICE_RETURN -> "非常用電源装置の返還をお願いします";
            case EVACUATION_PLAN_REVIEW -> overdue ? "個別避難計画の見直しの時期が過ぎています" : "個別避難計画の見直しの時期です";
        };
    }

    /** One reminder of the digest with what the database says about it now. */
    record Item(long id, long loanId, Obligation obligation, LocalDate dueOn, String childGivenName, String email,
                ReminderStillDuePolicy.Facts facts) {
    }

    private static List<Item> items(Connection connection, long carrier) {
        String sql = """
                SELECT r.id, r.loan_id, r.obligation, r.due_on, h.child_given_name,
                       (l.state = 'ACTIVE' OR (r.obligation = 'DEVICE_RETURN' AND l.state <> 'ENDED')) AS loan_active,
                       EXISTS (SELECT 1 FROM loan_obligation o WHERE o.loan_id = r.loan_id
                               AND o.obligation = r.obligation AND o.due_on = r.due_on) AS still_open,
                       EXISTS (SELECT 1 FROM family_report f WHERE f.loan_id = r.loan_id AND f.state = 'RECEIVED'
                               AND f.obligation_due_on = r.due_on
                               AND f.kind = CASE r.obligation WHEN 'EVACUATION_PLAN_APPLICATION' THEN 'PLAN_APPLIED'
                                   WHEN 'YEARLY_CHECK' THEN 'CHECK_SCHEDULE_REQUESTED' END) AS reported,
                       h.email_contact_consent,
                       (SELECT btrim(g.email) FROM guardian g WHERE g.household_id = h.id AND g.email IS NOT NULL
                          AND btrim(g.email) <> '' ORDER BY g.position LIMIT 1) AS email
                FROM reminder r JOIN loan l ON l.id = r.loan_id JOIN household h ON h.id = r.household_id
                WHERE r.message_id = ? AND r.recipient = 'FAMILY' AND r.state IN ('PENDING', 'SENT', 'FAILED')
                ORDER BY r.due_on, r.obligation, r.id""";
        List<Item> items = new ArrayList<>();
        try (PreparedStatement query = Jdbc.prepare(connection, sql, carrier); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String email = rows.getString("email");
                items.add(new Item(rows.getLong("id"), rows.getLong("loan_id"),
                        Obligation.valueOf(rows.getString("obligation")), rows.getObject("due_on", LocalDate.class),
                        rows.getString("child_given_name"), email,
                        new ReminderStillDuePolicy.Facts(Recipient.FAMILY, rows.getBoolean("loan_active"),
                                rows.getBoolean("still_open"), rows.getBoolean("reported"),
                                rows.getBoolean("email_contact_consent"), email != null)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the digest's reminders", e);
        }
        return items;
    }
}
