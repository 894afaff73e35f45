package jp.inochi.evacuationplans;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditAction;
import jp.inochi.audit.AuditLog;
import jp.inochi.platform.problem.ConflictException;
import jp.inochi.reminders.CenterContact;
import jp.inochi.reminders.model.Recipient;
import jp.inochi.reminders.outbox.ComposedEmail;
import jp.inochi.reminders.outbox.Composition;
import jp.inochi.reminders.outbox.MailTemplates;
import jp.inochi.reminders.outbox.MessageKind;
import jp.inochi.reminders.outbox.Outbox;
import jp.inochi.reminders.outbox.OutboxMessage;

/**
 * The email that sends the family their printed plan as a signed link (never as an attachment), through the outbox:
 * to the first guardian's address, only with the family's consent to email contact. The link is made when the email
 * is composed, so it is valid for the full period from the moment it goes out.
 */
@Singleton
class PlanPdfMail implements MessageKind<Void> {
    static final String KIND = "evacuation-plan.pdf-link";

    private final EvacuationPlans plans;
    private final PlanPdfLink links;
    private final Outbox outbox;
    private final MailTemplates templates;
    private final TransactionOperations<Connection> transactions;
    private final CenterContact center;
    private final AuditLog auditLog;
    private final Clock clock;

    PlanPdfMail(EvacuationPlans plans, PlanPdfLink links, Outbox outbox, MailTemplates templates,
                TransactionOperations<Connection> transactions, CenterContact center, AuditLog auditLog, Clock clock) {
        this.plans = plans;
        this.links = links;
        this.outbox = outbox;
        this.templates = templates;
        this.transactions = transactions;
        this.center = center;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Who the email goes to and whether it may go. */
    record Family(String childGivenName, boolean consent, String email) {

        /** Why it can't be emailed, in Japanese; empty when it can. */
        Optional<String> whyNot() {
            if (!consent) {
                return Optional.of("ご家族がメールでの連絡に同意していないため、送れません。印刷して手渡すか郵送してください。");
            }
            if (email == null) {
                return Optional.of("保護者のメールアドレスが登録されていないため、送れません。世帯の情報にメールアドレスを登録してください。");
            }
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public String label() {
        return "個別避難計画PDFのリンク";
    }

    /** Why the household's family can't be sent the link now, for a viewer who may see the household. */
    Optional<String> whyNot(Viewer viewer, long householdId) {
        plans.visible(viewer, householdId);
        return family(householdId).whyNot();
    }

    /** Puts the email in the outbox (sent within minutes); refused in Japanese when the family can't be emailed. */
    void send(Viewer viewer, long householdId, String resource) {
        plans.visible(viewer, householdId);
        Optional<String> whyNot = family(householdId).whyNot();
        if (whyNot.isPresent()) {
            throw new ConflictException(whyNot.get());
        }
        // Each request is its own email (the family may ask again), so the dedupe key is unique per request.
        long messageId = outbox.enqueue(new Outbox.NewMessage(KIND, "evacuation-plan-pdf:" + householdId + ":"
                + UUID.randomUUID(), Recipient.FAMILY, householdId, householdId, null, clock.instant()))
                .orElseThrow(() -> new ConflictException("同じ送信がすでに送信待ちです。しばらくしてから確認してください。"));
        auditLog.changed(viewer, AuditAction.CREATE, resource, "outbox_message", messageId, householdId,
                "ご家族へ個別避難計画PDFのリンクをメールで送信（送信待ち）");
    }

    @Override
    public Composition<Void> compose(OutboxMessage message) {
        Family family = family(message.referenceId());
        if (family == null) {
            return Composition.nothingToSend("世帯が見つかりません", null);
        }
        Optional<String> whyNot = family.whyNot();
        if (whyNot.isPresent()) {
            return Composition.nothingToSend(family.consent() ? "メールアドレスがありません" : "メール連絡の同意がありません", null);
        }
        PlanPdfLink.FamilyLink link = links.make(message.referenceId());
        Map<String, Object> model = new HashMap<>();
        model.put("childName", family.childGivenName());
        model.put("link", link.url());
        model.put("linkExpires", link.expiresLabel());
        model.put("center", center);
        MailTemplates.Rendered rendered = templates.render("evacuationplans/plan-pdf", model);
        String subject = "【" + center.name() + "】個別避難計画（PDF）のご案内";
        return Composition.send(new ComposedEmail(family.email(), subject, rendered.text(), rendered.html()), null);
    }

    private Family family(Long householdId) {
        if (householdId == null) {
            return null;
        }
        return transactions.executeRead(status -> read(status.getConnection(), householdId));
    }

    private static Family read(Connection connection, long householdId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT h.child_given_name, h.email_contact_consent,
                       (SELECT btrim(g.email) FROM guardian g WHERE g.household_id = h.id AND g.email IS NOT NULL
                          AND btrim(g.email) <> '' ORDER BY g.position LIMIT 1)
                FROM household h WHERE h.id = ?""")) {
            select.setLong(1, householdId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Family(row.getString(1), row.getBoolean(2), row.getString(3)) : null;
            }
        }
    }
}
