package jp.inochi.reminders;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.inochi.followups.model.FollowUpReason;
import jp.inochi.loans.model.Obligation;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.platform.time.JapaneseDates;
import jp.inochi.reminders.model.NotSentBecause;
import jp.inochi.reminders.model.Recipient;
import jp.inochi.reminders.model.ReminderStillDuePolicy;
import jp.inochi.reminders.model.ReportKind;
import jp.inochi.reminders.outbox.ComposedEmail;
import jp.inochi.reminders.outbox.Composition;
import jp.inochi.reminders.outbox.Jdbc;
import jp.inochi.reminders.outbox.MailTemplates;
import jp.inochi.reminders.outbox.MessageKind;
import jp.inochi.reminders.outbox.OutboxMessage;

/**
 * The center's daily alert digest to its own address ({@code inochi.center.staff-alerts-to}): obligations that reached
 * a staff rule of the policy (plan application 14 days overdue, check 7 days overdue; before the due date: the check 30
 * days and the loan end 180 days ahead), those alerted after their due date and still
 * open, follow-up tasks (要対応) not yet done, families that could not be emailed (no consent or no address: call them), emails given up, and family
 * reports waiting for confirmation. It names households and loans by id and municipality only: names and medical
 * details stay in the service, behind sign-in and the audit log.
 */
@Singleton
class StaffDigest implements MessageKind<StaffDigest.Decision> {
    static final String KIND = "reminder.staff-digest";
    private static final int LIST_LIMIT = 300;

    private final TransactionOperations<Connection> transactions;
    private final MailTemplates templates;
    private final CenterContact center;
    private final Clock clock;
    private final PlanReviewReasons planReviewReasons;

    StaffDigest(TransactionOperations<Connection> transactions, MailTemplates templates, CenterContact center,
                Clock clock, PlanReviewReasons planReviewReasons) {
        this.planReviewReasons = planReviewReasons;
        this.transactions = transactions;
        this.templates = templates;
        this.center = center;
        this.clock = clock;
    }

    record Decision(List<Long> keptAlerts, List<Long> droppedAlerts) {
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public String label() {
        return "センター職員向けのまとめ";
    }

    /** Binds everything not yet told to the center to this digest. */
    @Override
    public void claimed(OutboxMessage message) {
        if (message.resendOf() != null) {
            return;
        }
        Connection connection = transactions.getConnection();
        Instant now = clock.instant();
        Jdbc.update(connection, "UPDATE reminder SET message_id = ?, updated_at = ? WHERE recipient = 'STAFF' "
                + "AND state = 'PENDING' AND message_id IS NULL", message.id(), now);
        Jdbc.update(connection, "UPDATE reminder SET staff_digest_id = ?, updated_at = ? WHERE state = 'NOT_EMAILED' "
                + "AND staff_digest_id IS NULL", message.id(), now);
        Jdbc.update(connection, "UPDATE outbox_message SET failure_reported_in = ? WHERE state = 'FAILED' "
                + "AND failure_reported_in IS NULL AND id <> ?", message.id(), message.id());
        Jdbc.update(connection, "UPDATE family_report SET staff_digest_id = ? WHERE state = 'RECEIVED' "
                + "AND staff_digest_id IS NULL", message.id());
    }

    @Override
    public Composition<Decision> compose(OutboxMessage message) {
        long carrier = message.resendOf() == null ? message.id() : message.resendOf();
        LocalDate today = JapanTime.today(clock);
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            List<Map<String, Object>> alerts = new ArrayList<>();
            List<Map<String, Object>> approaching = new ArrayList<>();
            List<Long> kept = new ArrayList<>();
            List<Long> dropped = new ArrayList<>();
            for (Map<String, Object> alert : rows(connection, """
                    SELECT r.id, r.loan_id, r.household_id, r.obligation, r.due_on, r.offset_days, mu.name AS municipality,
                           (SELECT string_agg(DISTINCT pr.reason, ',') FROM evacuation_plan_review pr
                            WHERE pr.household_id = r.household_id AND pr.resolved_by_version IS NULL) AS plan_reasons,
                           (l.state = 'ACTIVE' OR (r.obligation = 'DEVICE_RETURN' AND l.state <> 'ENDED')) AS loan_active,
                           EXISTS (SELECT 1 FROM loan_obligation o WHERE o.loan_id = r.loan_id
                                   AND o.obligation = r.obligation AND o.due_on = r.due_on) AS still_open
                    FROM reminder r JOIN loan l ON l.id = r.loan_id JOIN household h ON h.id = r.household_id
                         LEFT JOIN municipality mu ON mu.code = h.municipality_code
                    WHERE r.message_id = ? AND r.recipient = 'STAFF' AND r.state IN ('PENDING', 'SENT', 'FAILED')
                    ORDER BY r.due_on, r.id""", today, carrier)) {
                boolean due = ReminderStillDuePolicy.reasonNotToSend(new ReminderStillDuePolicy.Facts(Recipient.STAFF,
                        (Boolean) alert.get("loan_active"), (Boolean) alert.get("still_open"), false, true, true)).isEmpty();
                (due ? kept : dropped).add((Long) alert.get("id"));
                if (due) {
                    ((Integer) alert.get("offset_days") < 0 ? approaching : alerts).add(alert);
                }
            }
            List<Map<String, Object>> planReviews = PlanReviewsByMunicipality.takeFrom(alerts, approaching);
            planReviews.forEach(row -> {
                if (row.get("plan_reasons") instanceof String reasons) {
                    row.put("planReasonLabels", planReviewReasons.labels(reasons));
                }
            });
            List<Map<String, Object>> stillOpen = rows(connection, """
                    SELECT DISTINCT ON (r.due_on, r.loan_id, r.obligation) r.id, r.loan_id, r.household_id, r.obligation,
                           r.due_on, mu.name AS municipality
                    FROM reminder r JOIN loan_obligation o ON o.loan_id = r.loan_id AND o.obligation = r.obligation
                             AND o.due_on = r.due_on
                         JOIN household h ON h.id = r.household_id LEFT JOIN municipality mu ON mu.code = h.municipality_code
                    WHERE r.recipient = 'STAFF' AND r.state = 'SENT' AND r.message_id <> ? AND r.offset_days > 0
                    ORDER BY r.due_on, r.loan_id, r.obligation LIMIT %d""".formatted(LIST_LIMIT), today, carrier);
            List<Map<String, Object>> notEmailed = rows(connection, """
                    SELECT r.id, r.loan_id, r.household_id, r.obligation, r.due_on, r.not_sent_because,
                           mu.name AS municipality
                    FROM reminder r JOIN household h ON h.id = r.household_id
                         LEFT JOIN municipality mu ON mu.code = h.municipality_code
                    WHERE r.staff_digest_id = ? ORDER BY r.due_on, r.id""", today, carrier);
            List<Map<String, Object>> failed = rows(connection, """
                    SELECT id, kind, household_id, attempts, last_error, outcome_note
                    FROM outbox_message WHERE failure_reported_in = ? ORDER BY id""", today, carrier);
            List<Map<String, Object>> reports = rows(connection, """
                    SELECT f.id, f.kind, f.loan_id, f.household_id, f.obligation_due_on AS due_on, f.reported_on,
                           mu.name AS municipality
                    FROM family_report f JOIN household h ON h.id = f.household_id
                         LEFT JOIN municipality mu ON mu.code = h.municipality_code
                    WHERE f.staff_digest_id = ? ORDER BY f.id""", today, carrier);
            List<Map<String, Object>> followUps = rows(connection, """
                    SELECT f.id AS follow_up_id, f.loan_id, f.household_id, f.due_on, f.reasons, mu.name AS municipality
                    FROM follow_up f JOIN household h ON h.id = f.household_id
                         LEFT JOIN municipality mu ON mu.code = h.municipality_code
                    WHERE f.done_at IS NULL ORDER BY f.due_on, f.id LIMIT %d""".formatted(LIST_LIMIT), today);
            long waitingReports = Jdbc.queryLong(connection, "SELECT count(*) FROM family_report WHERE state = 'RECEIVED'");
            Decision decision = new Decision(kept, dropped);
            if (alerts.isEmpty() && approaching.isEmpty() && planReviews.isEmpty() && stillOpen.isEmpty() && notEmailed.isEmpty() && failed.isEmpty() && reports.isEmpty()
                    && followUps.isEmpty()) {
                return Composition.nothingToSend("センターにお知らせする事項がありません", decision);
            }
            Map<String, Object> model = new HashMap<>();
            model.put("today", JapaneseDates.withGregorian(today));
            model.put("alerts", alerts);
            model.put("approaching", approaching);
            model.put("planReviews", planReviews);
            model.put("stillOpen", stillOpen);
            model.put("notEmailed", notEmailed);
            model.put("failed", failed);
            model.put("reports", reports);
            model.put("followUps", followUps);
            model.put("waitingReports", waitingReports);
            model.put("center", center);
            MailTemplates.Rendered rendered = templates.render("reminders/staff-digest", model);
            String subject = "【Inochi】日次のお知らせ " + JapaneseDates.withGregorian(today) + "：新たな期限超過 "
                    + alerts.size() + "件、" + (approaching.isEmpty() ? "" : "期限が近いもの " + approaching.size() + "件、")
                    + "メール不可 " + notEmailed.size() + "件、送信失敗 " + failed.size()
                    + "件、ご家族からの報告 " + reports.size() + "件"
                    + (followUps.isEmpty() ? "" : "、要対応 " + followUps.size() + "件")
                    + (planReviews.isEmpty() ? "" : "、個別避難計画の見直し " + planReviews.size() + "件");
            return Composition.send(new ComposedEmail(center.staffAlertsTo(), subject, rendered.text(), rendered.html()),
                    decision);
        });
    }

    @Override
    public void sent(OutboxMessage message, Composition<Decision> composition) {
        record(composition.detail(), true);
    }

    @Override
    public void cancelled(OutboxMessage message, Composition<Decision> composition) {
        record(composition.detail(), false);
    }

    @Override
    public void gaveUp(OutboxMessage message) {
        ReminderRows.markDeliveryFailed(transactions.getConnection(), message.id(), clock.instant());
    }

    private void record(Decision decision, boolean sent) {
        Connection connection = transactions.getConnection();
        Instant now = clock.instant();
        if (sent) {
            ReminderRows.markSent(connection, decision.keptAlerts(), now);
        }
        if (!decision.droppedAlerts().isEmpty()) {
            Jdbc.update(connection, "UPDATE reminder SET state = 'CANCELLED', not_sent_because = 'OBLIGATION_DONE', "
                    + "updated_at = ? WHERE id = ANY(?) AND state IN ('PENDING', 'FAILED')", now,
                    Jdbc.bigints(connection, decision.droppedAlerts()));
        }
    }

    /** Rows as maps for the template, with labels and Japanese dates added. */
    private static List<Map<String, Object>> rows(Connection connection, String sql, LocalDate today, Object... parameters) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement query = Jdbc.prepare(connection, sql, parameters); ResultSet result = query.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= columns; i++) {
                    String column = result.getMetaData().getColumnLabel(i);
                    row.put(column, column.endsWith("_on") ? result.getObject(i, LocalDate.class) : result.getObject(i));
                }
                decorate(row, today);
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the staff digest: " + e.getSQLState(), e);
        }
        return rows;
    }

    private static void decorate(Map<String, Object> row, LocalDate today) {
        if (row.get("obligation") instanceof String obligation) {
            row.put("obligationLabel", Obligation.valueOf(obligation).label());
        }
        if (row.get("due_on") instanceof LocalDate due) {
            row.put("due", JapaneseDates.withGregorian(due));
            long late = ChronoUnit.DAYS.between(due, today);
            row.put("days", late > 0 ? late + "日超過" : late == 0 ? "本日期限" : "あと" + (-late) + "日");
        }
        if (row.get("reported_on") instanceof LocalDate reported) {
            row.put("reported", JapaneseDates.withGregorian(reported));
        }
        if (row.get("not_sent_because") instanceof String why) {
            row.put("reason", NotSentBecause.valueOf(why).label());
        }
        if (row.get("kind") instanceof String kind && row.containsKey("reported_on")) {
            row.put("kindLabel", ReportKind.valueOf(kind).label());
        }
        if (row.get("reasons") instanceof String reasons) {
            row.put("reasonLabels", java.util.Arrays.stream(reasons.split(",")).map(FollowUpReason::valueOf)
                    .map(FollowUpReason::label).collect(java.util.stream.Collectors.joining("・")));
        }
        if (row.get("municipality") == null) {
            row.put("municipality", "県外");
        }
    }
}
