package jp.inochi.reminders;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import jp.inochi.loans.TermsAcceptanceState;
import jp.inochi.loans.TermsRequestedByEmail;
import jp.inochi.loans.model.TermsOfLoan;
import jp.inochi.platform.time.JapaneseDates;
import jp.inochi.reminders.links.SignedLinks;
import jp.inochi.reminders.model.Recipient;
import jp.inochi.reminders.model.ReminderPolicy;
import jp.inochi.reminders.outbox.ComposedEmail;
import jp.inochi.reminders.outbox.Composition;
import jp.inochi.reminders.outbox.MailTemplates;
import jp.inochi.reminders.outbox.MessageKind;
import jp.inochi.reminders.outbox.Outbox;
import jp.inochi.reminders.outbox.OutboxMessage;

/**
 * The loan terms sent again by email (貸与条件の再送, seed 000 line 538): the two terms and a signed link through which
 * the family agrees, to the address staff gave. Enqueued in the transaction that recorded the request; composed when
 * it is sent, so a request accepted or replaced meanwhile is not emailed.
 */
@Singleton
class LoanTermsMail implements MessageKind<Void> {
    static final String KIND = "loan.terms";

    private final TransactionOperations<Connection> transactions;
    private final Outbox outbox;
    private final MailTemplates templates;
    private final SignedLinks links;
    private final CenterContact center;
    private final ReminderPolicy policy;
    private final Clock clock;

    LoanTermsMail(TransactionOperations<Connection> transactions, Outbox outbox, MailTemplates templates,
                  SignedLinks links, CenterContact center, ReminderPolicy policy, Clock clock) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.templates = templates;
        this.links = links;
        this.center = center;
        this.policy = policy;
        this.clock = clock;
    }

    /** What the email and its link need, read when they are used. */
    record Request(long id, long loanId, long householdId, TermsAcceptanceState state, String sentTo,
                   String childGivenName, boolean loanEnded) {

        /** Still waiting for the family: neither accepted nor replaced, and the loan still running. */
        boolean waiting() {
            return state == TermsAcceptanceState.SENT && !loanEnded;
        }
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public String label() {
        return "貸与の条件のお知らせ";
    }

    @EventListener
    void termsRequested(TermsRequestedByEmail requested) {
        outbox.enqueue(new Outbox.NewMessage(KIND, "loan-terms:" + requested.termsAcceptanceId(), Recipient.FAMILY,
                requested.householdId(), requested.termsAcceptanceId(), null, clock.instant()));
    }

    @Override
    public Composition<Void> compose(OutboxMessage message) {
        Request request = transactions.executeRead(status -> request(status.getConnection(), message.referenceId()));
        if (request == null) {
            return Composition.nothingToSend("貸与条件の送付記録が見つかりません", null);
        }
        if (!request.waiting()) {
            return Composition.nothingToSend(switch (request.state()) {
                case ACCEPTED -> "送信前に同意を受け付けました";
                case SUPERSEDED -> "新しい送付に置き換えられました";
                case SENT -> "貸与が終了しました";
            }, null);
        }
        Instant expires = clock.instant().plus(Duration.ofDays(policy.linkValidDays()));
        Map<String, Object> model = new HashMap<>();
        model.put("childName", request.childGivenName());
        model.put("runningCosts", TermsOfLoan.RUNNING_COSTS);
        model.put("repairLiability", TermsOfLoan.REPAIR_LIABILITY);
        model.put("link", links.url(LoanTermsLink.ACCEPT, request.id(), expires));
        model.put("linkExpires", JapaneseDates.withGregorianAndTime(expires));
        model.put("center", center);
        MailTemplates.Rendered rendered = templates.render("reminders/loan-terms", model);
        String subject = "【" + center.name() + "】非常用電源装置の貸与条件のご確認";
        return Composition.send(new ComposedEmail(request.sentTo(), subject, rendered.text(), rendered.html()), null);
    }

    static Request request(Connection connection, Long acceptanceId) throws SQLException {
        if (acceptanceId == null) {
            return null;
        }
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT t.id, t.loan_id, l.household_id, t.state, t.sent_to, h.child_given_name, l.state = 'ENDED'
                FROM terms_acceptance t JOIN loan l ON l.id = t.loan_id JOIN household h ON h.id = l.household_id
                WHERE t.id = ?""")) {
            select.setLong(1, acceptanceId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Request(row.getLong(1), row.getLong(2), row.getLong(3),
                        TermsAcceptanceState.valueOf(row.getString(4)), row.getString(5), row.getString(6),
                        row.getBoolean(7)) : null;
            }
        }
    }
}
